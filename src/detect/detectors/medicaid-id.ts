import { labelledDetector } from "../kit.js";

/**
 * Medicaid identifiers: state formats vary too much for a shape test, so a Medicaid label or column
 * header is required (Medicaid ID/#/No., Medi-Cal, MassHealth, TennCare, SoonerCare, BadgerCare,
 * AHCCCS, CIN, Recipient ID). Values: optional letters and 5+ digits.
 */
export const medicaidId = labelledDetector({
  id: "medicaid-id",
  element: "MEDICAID_ID",
  description: "Medicaid identifiers identified by a Medicaid (or state program) label or column header.",
  version: "1.0.0",
  labels: [
    "medicaid",
    "medicaid id",
    "medicaid #",
    "medicaid no",
    "medicaid number",
    "medicaid member id",
    "medicaid recipient id",
    "medi-cal",
    "medi-cal id",
    "medi-cal cin",
    "masshealth",
    "masshealth id",
    "tenncare",
    "soonercare",
    "badgercare",
    "ahcccs",
    "ahcccs id",
    "cin",
    "cin #",
    "recipient id",
    "medical assistance id",
  ],
  value: String.raw`[A-Za-z]{0,3}\d[\dA-Za-z]{3,15}`,
  minDigits: 5,
  examples: [
    { text: "Medicaid ID: 123456789012", expect: ["123456789012"] },
    { text: "Medi-Cal CIN 91234567A", expect: ["91234567A"] },
    { text: "NY Medicaid CIN: AB12345C", expect: ["AB12345C"] },
    { text: "Sheet: S\nName\tMedicaid #\nDoe\t00998877", expect: ["00998877"] },
    { text: "Medicaid expansion in 2014", expect: [] },
    { text: "Member ID: 123456789012", expect: [] },
    { text: "medicaid pending", expect: [] },
  ],
});
