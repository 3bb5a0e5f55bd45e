import { findContext, lexicon } from "../context.js";
import { makeFinding, scan, standsAlone } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";
import { deaValid } from "../validators/dea.js";

const DEA = lexicon(["dea", "dea #", "dea no", "dea number", "dea reg", "dea registration", "registration"]);
const CANDIDATE = /\b[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}\b/g;

/**
 * DEA registration numbers: registrant-type letter, a letter or 9, seven digits, and the DEA check
 * digit. The shape plus checksum is `likely` alone and `confirmed` with a DEA label.
 */
export const deaNumber: Detector = {
  meta: {
    id: "dea-number",
    elements: ["DEA_NUMBER"],
    description: "DEA registration numbers checked with the DEA check digit.",
    version: "1.0.0",
    examples: [
      { text: "DEA# AB1234563", expect: ["AB1234563"] },
      { text: "Dr. Smith, BS1234563", expect: ["BS1234563"] },
      { text: "DEA registration FN9876547", expect: ["FN9876547"] },
      { text: "DEA AB1234567", expect: [] },
      { text: "code ZZ1234563", expect: [] },
      { text: "order AB12345634", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const text = doc.text;
    scan(CANDIDATE, text, (m) => {
      const start = m.index;
      const end = start + 9;
      if (!standsAlone(text, start, end) || !deaValid(m[0])) return;
      const ctx = findContext(doc, start, end, DEA, { before: 40 });
      out.push(
        makeFinding(doc, "dea-number", "DEA_NUMBER", start, end, {
          candidate: "dea-shape",
          validations: [{ rule: "dea-check-digit", passed: true }],
          context: ctx.map((h) => `label:${h.word}`),
          rung: pickRung({ context: ctx.length > 0, checksum: true, checksumAlone: "likely" }),
        }),
      );
    });
    return out;
  },
};
