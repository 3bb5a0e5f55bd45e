import { lexicon } from "../context.js";
import { cellAt } from "../document.js";
import { labelledDetector, makeFinding, scanColumns } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";

/**
 * Medicaid identifiers: state formats vary too much for a shape test, so a Medicaid label or column
 * header is required (Medicaid ID/#/No., Medi-Cal, MassHealth, TennCare, SoonerCare, BadgerCare,
 * AHCCCS, CIN, Recipient ID). Values: optional letters and 5+ digits.
 */
const labelled = labelledDetector({
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
    "husky",
    "husky health",
    "kancare",
    "mainecare",
    "healthchoice",
    "familycare",
    "apple health",
    "mo healthnet",
    "hoosier healthwise",
    "healthy michigan",
  ],
  value: String.raw`[A-Za-z]{0,3}\d[\dA-Za-z]{3,15}`,
  minDigits: 5,
  examples: [
    { text: "Medicaid ID: 123456789012", expect: ["123456789012"] },
    { text: "Medi-Cal CIN 91234567A", expect: ["91234567A"] },
    { text: "NY Medicaid CIN: AB12345C", expect: ["AB12345C"] },
    { text: "Sheet: S\nName\tMedicaid #\nDoe\t00998877", expect: ["00998877"] },
    { text: "Medicaid expansion in 2014", expect: [] },
    { text: "Insurance: HUSKY ID 859853857", expect: ["859853857"] },
    {
      text: 'Patient,Payer,Member ID\n"Saleh, M",HUSKY Health (CT Medicaid),836486205\n"Doe, J",Aetna,W123456789',
      expect: ["836486205"],
    },
    { text: "Member ID: 123456789012", expect: [] },
    { text: "medicaid pending", expect: [] },
  ],
});

/** State Medicaid programs and the word itself, as they appear in a payer cell. */
export const MEDICAID_PAYER = lexicon([
  "medicaid",
  "medi-cal",
  "masshealth",
  "tenncare",
  "soonercare",
  "badgercare",
  "ahcccs",
  "husky",
  "kancare",
  "mainecare",
  "apple health",
  "mo healthnet",
  "hoosier healthwise",
  "healthy michigan",
]);
const PLAN_ID_HEADER = lexicon([
  "member id",
  "member #",
  "subscriber id",
  "subscriber #",
  "insurance id",
  "ins id",
  "policy #",
  "policy number",
  "id",
  "id #",
  "id number",
]);
const ID_CELL = /^[A-Za-z]{0,3}\d[\dA-Za-z-]{4,16}$/;

/**
 * Medicaid identifiers: a Medicaid (or state program) label or column header; or, in a table, an ID
 * column (Member ID, Subscriber #…) in a row whose payer cell names Medicaid or a state Medicaid program.
 */
export const medicaidId: Detector = {
  meta: labelled.meta,
  detect(doc) {
    const out: Finding[] = labelled.detect(doc);
    scanColumns(doc, PLAN_ID_HEADER, ID_CELL, (h) => {
      const loc = cellAt(doc, h.start, h.end);
      if (!loc) return;
      const others = loc.row.cells.filter((c) => c !== loc.cell).map((c) => doc.text.slice(c.start, c.end));
      const payer = others.find((t) => {
        MEDICAID_PAYER.re.lastIndex = 0;
        return MEDICAID_PAYER.re.test(t);
      });
      if (!payer || !/\d{5}/.test(h.value)) return;
      out.push(
        makeFinding(doc, "medicaid-id", "MEDICAID_ID", h.start, h.end, {
          candidate: "column",
          context: [`header:${h.header}`, "row:medicaid-payer"],
          rung: pickRung({ context: true }),
        }),
      );
    });
    return out;
  },
};
