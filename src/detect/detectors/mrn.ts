import { findContext, lexicon } from "../context.js";
import { countDigits, labelledDetector } from "../kit.js";

const BANK = lexicon([
  "bank",
  "checking",
  "savings",
  "routing",
  "aba",
  "ach",
  "deposit",
  "credit union",
  "wire",
  "iban",
]);
const DATE_OR_PHONE = /^(?:\d{1,2}-\d{1,2}-\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{3}-\d{3}-\d{4})$/;

/**
 * Medical record and patient account numbers. These have no public format, so a label or column
 * header is required: MRN, MR#, Med Rec #, Medical Record Number, Patient ID, Pt ID, Acct #,
 * Account No., Patient Account, FIN, Encounter/Visit #, Chart #. An account label with a bank word
 * nearby (bank, checking, routing…) is left to the bank-account detector. Values: an optional short
 * letter prefix and 4+ digits (dashes allowed); 5+ digits raise the rung.
 */
export const mrn = labelledDetector({
  id: "mrn",
  element: "MRN",
  description: "Medical record / patient account numbers identified by label or column header.",
  version: "1.0.0",
  labels: [
    "mrn",
    "mrn#",
    "mr#",
    "mr #",
    "mr no",
    "mr number",
    "med rec",
    "med rec #",
    "med rec no",
    "medical record",
    "medical record number",
    "medical record no",
    "medical rec",
    "patient id",
    "pt id",
    "patient #",
    "pt #",
    "patient no",
    "patient number",
    "acct",
    "acct #",
    "acct no",
    "account #",
    "account no",
    "account number",
    "patient account",
    "pt acct",
    "fin #",
    "fin no",
    "fin number",
    "encounter #",
    "enc #",
    "visit #",
    "chart #",
    "chart no",
    "chart number",
    "hospital #",
    "patient acct",
    "csn",
    "har",
    "har #",
    "empi",
    "mpi #",
    "enterprise id",
  ],
  headers: [
    "mrn",
    "mr#",
    "mr #",
    "mr number",
    "med rec #",
    "med rec",
    "medical record",
    "medical record number",
    "patient id",
    "pt id",
    "patient #",
    "acct #",
    "acct",
    "account",
    "account #",
    "account number",
    "patient account",
    "fin",
    "encounter #",
    "chart #",
    "csn",
    "har",
    "empi",
  ],
  notHeaders: ["bank", "routing", "checking", "savings"],
  value: String.raw`(?:[A-Za-z]{1,4}-?)?\d(?:[\d-]{1,18}\d)?[A-Za-z]?`,
  minDigits: 4,
  check(value, doc, start) {
    if (DATE_OR_PHONE.test(value)) return { ok: false };
    if (
      findContext(doc, start, start + value.length, BANK, { before: 60, after: 30, header: false }).length > 0
    )
      return { ok: false };
    return { ok: true, ranges: countDigits(value) >= 5 };
  },
  examples: [
    { text: "MRN: 00123456", expect: ["00123456"] },
    { text: "Med Rec # A1234567 admitted", expect: ["A1234567"] },
    { text: "Patient ID 4471902", expect: ["4471902"] },
    { text: "Acct # 998877-01", expect: ["998877-01"] },
    { text: "Sheet: ER\nPatient\tMRN\tDOB\nDoe, Jane\t7712345\t1/2/1960", expect: ["7712345"] },
    { text: "Account No. 44556677 for the visit", expect: ["44556677"] },
    { text: "Epic CSN: 1029384756", expect: ["1029384756"] },
    { text: "Order 00123456 shipped", expect: [] },
    { text: "Bank account # 44556677, routing 021000021", expect: [] },
    { text: "MRN: pending", expect: [] },
    { text: "the patient ID card was returned", expect: [] },
    { text: "Sheet: x\nName\tNotes\nDoe\t7712345", expect: [] },
  ],
});
