import { findContext, lexicon } from "../context.js";
import { makeFinding, scan, standsAlone } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";
import { npiValid } from "../validators/npi.js";

const NPI = lexicon([
  "npi",
  "npi #",
  "npi no",
  "national provider",
  "national provider identifier",
  "provider id",
  "provider #",
  "prescriber",
  "rendering",
  "billing provider",
  "attending",
  "referring",
]);
const NOT_NPI = lexicon([
  "phone",
  "tel",
  "fax",
  "cell",
  "mobile",
  "order",
  "invoice",
  "acct",
  "account",
  "mrn",
  "member",
  "policy",
  "claim",
  "tracking",
  "timestamp",
  "epoch",
  "unix",
  "ticket",
  "case",
]);
const CANDIDATE = /\b[12]\d{9}\b/g;

/**
 * National Provider Identifiers: 10 digits starting 1 or 2 with a passing Luhn check over the
 * 80840-prefixed number. One check digit rejects only 90% of random numbers, so without an NPI label
 * the rung is `possible`; with one it is `confirmed`. Phone/account words lower it.
 */
export const npi: Detector = {
  meta: {
    id: "npi",
    elements: ["NPI"],
    description: "National Provider Identifiers (Luhn with 80840 prefix); NPI label raises the score.",
    version: "1.0.0",
    examples: [
      { text: "NPI: 1234567893", expect: ["1234567893"] },
      { text: "Attending Dr. Lee (NPI 1245319599)", expect: ["1245319599"] },
      { text: "provider 1679576722 signed", expect: ["1679576722"] },
      { text: "NPI: 1234567890", expect: [] },
      { text: "NPI 3234567893", expect: [] },
      { text: "acct 12345678931", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const text = doc.text;
    scan(CANDIDATE, text, (m) => {
      const start = m.index;
      const end = start + 10;
      if (!standsAlone(text, start, end) || !npiValid(m[0])) return;
      const ctx = findContext(doc, start, end, NPI, { before: 40 });
      const neg = ctx.length ? [] : findContext(doc, start, end, NOT_NPI, { before: 30, header: true });
      out.push(
        makeFinding(doc, "npi", "NPI", start, end, {
          candidate: "10-digits",
          validations: [{ rule: "npi-luhn-80840", passed: true }],
          context: [...ctx.map((h) => `label:${h.word}`), ...neg.map((h) => `against:${h.word}`)],
          rung: pickRung({
            context: ctx.length > 0,
            checksum: true,
            checksumAlone: "possible",
            negative: neg.length > 0,
          }),
        }),
      );
    });
    return out;
  },
};
