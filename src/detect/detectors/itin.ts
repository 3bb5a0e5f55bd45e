import { findContext, lexicon } from "../context.js";
import { makeFinding } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";
import { itinValid } from "../validators/ssn.js";
import { NOT_SSN_WORDS, ssnShaped } from "./ssn.js";

const ITIN = lexicon([
  "itin",
  "taxpayer id",
  "taxpayer identification",
  "tax id",
  "tin",
  "individual taxpayer",
]);
const NOT_ITIN = lexicon(NOT_SSN_WORDS);

/**
 * Individual taxpayer identification numbers: 9xx-GG-xxxx with the group in the IRS ranges
 * (50–65, 70–88, 90–92, 94–99). Without a label a dashed/spaced number is `possible`; nine digits
 * run together need an ITIN/TIN label.
 */
export const itin: Detector = {
  meta: {
    id: "itin",
    elements: ["ITIN"],
    description: "IRS individual taxpayer identification numbers (9xx with a valid group).",
    version: "1.0.0",
    examples: [
      { text: "ITIN: 912-78-1234", expect: ["912-78-1234"] },
      { text: "taxpayer id 900701234", expect: ["900701234"] },
      { text: "number on file 955-94-0001", expect: ["955-94-0001"] },
      { text: "ITIN 912-45-1234", expect: [] },
      { text: "SSN 212-78-1234", expect: [] },
      { text: "invoice 900701234", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    for (const c of ssnShaped(doc)) {
      const { start, end, digits } = c;
      if (digits.charCodeAt(0) !== 57 || !itinValid(digits)) continue;
      const pos = findContext(doc, start, end, ITIN, { before: 40 });
      if (c.separator === "" && pos.length === 0) continue;
      const neg = pos.length === 0 ? findContext(doc, start, end, NOT_ITIN, { before: 30 }) : [];
      out.push(
        makeFinding(doc, "itin", "ITIN", start, end, {
          candidate: "itin:9xx",
          validations: [{ rule: "irs-itin-group", passed: true }],
          context: [...pos.map((h) => `label:${h.word}`), ...neg.map((h) => `against:${h.word}`)],
          rung: pickRung({ context: pos.length > 0, ranges: true, negative: neg.length > 0 }),
        }),
      );
    }
    return out;
  },
};
