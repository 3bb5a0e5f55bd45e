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
const GENERIC = /^(?:acct|account)/i;

/**
 * Bank account numbers: label required. Bank-specific labels (bank account, checking, savings, DDA,
 * direct deposit) stand alone; a generic "Account #"/"Acct" counts only with a bank word within the
 * surrounding 80 characters (otherwise it is a patient account, see the MRN detector). 6–17 digits.
 */
export const bankAccount = labelledDetector({
  id: "bank-account",
  element: "BANK_ACCOUNT",
  description: "Bank account numbers with a bank account label (or a generic account label near bank words).",
  version: "1.0.0",
  labels: [
    "bank account",
    "bank acct",
    "bank account #",
    "bank account number",
    "checking account",
    "checking acct",
    "checking",
    "savings account",
    "savings acct",
    "savings",
    "dda",
    "direct deposit account",
    "deposit account",
    "account #",
    "account no",
    "account number",
    "acct #",
    "acct no",
    "acct",
  ],
  headers: ["bank account", "bank acct", "checking", "savings", "account number", "acct number", "dda"],
  value: String.raw`\d{4,17}|\d{2,6}(?:-\d{2,10}){1,3}`,
  minDigits: 6,
  check(value, doc, start, label) {
    const d = countDigits(value);
    if (d > 17) return { ok: false };
    if (GENERIC.test(label)) {
      const near = findContext(doc, start, start + value.length, BANK, {
        before: 80,
        after: 60,
        header: false,
      });
      if (near.length === 0) return { ok: false };
    }
    return { ok: true, ranges: d >= 6 && d <= 17 };
  },
  examples: [
    { text: "Bank account # 004512398876", expect: ["004512398876"] },
    { text: "Checking: 1234567890 at First National", expect: ["1234567890"] },
    { text: "Routing 021000021, Account No. 9876543210", expect: ["9876543210"] },
    { text: "Savings acct 55-667788-01", expect: ["55-667788-01"] },
    { text: "Bank acct for autopay: 452974955117.", expect: ["452974955117"] },
    { text: "Account # 00123456 for the ER visit", expect: [] },
    { text: "checking in at 10am", expect: [] },
    { text: "bank account 123", expect: [] },
  ],
});
