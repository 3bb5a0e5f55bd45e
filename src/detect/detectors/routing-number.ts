import { findContext, lexicon } from "../context.js";
import { makeFinding, scan, standsAlone } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";
import { abaValid } from "../validators/aba.js";

const ROUTING = lexicon([
  "routing",
  "routing #",
  "routing number",
  "routing no",
  "aba",
  "aba #",
  "aba number",
  "rtn",
  "transit",
  "routing/transit",
  "bank routing",
  "r/t",
]);
const CANDIDATE = /\b\d{9}\b/g;

/**
 * ABA routing numbers: 9 digits with a routing/ABA label or column header and a passing ABA checksum
 * and Federal Reserve prefix. The checksum alone is not enough (one in ten 9-digit numbers passes).
 */
export const routingNumber: Detector = {
  meta: {
    id: "routing-number",
    elements: ["ROUTING_NUMBER"],
    description: "ABA routing transit numbers: routing label plus ABA checksum and prefix.",
    version: "1.0.0",
    examples: [
      { text: "Routing: 021000021", expect: ["021000021"] },
      { text: "ABA 011000015 acct 12345678", expect: ["011000015"] },
      { text: "Sheet: d\nName\tRouting #\tAccount\nDoe\t121000358\t998877", expect: ["121000358"] },
      { text: "Routing: 021000022", expect: [] },
      { text: "ID 021000021", expect: [] },
      { text: "routing 991000021", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const text = doc.text;
    scan(CANDIDATE, text, (m) => {
      const start = m.index;
      const end = start + 9;
      if (!standsAlone(text, start, end)) return;
      const ctx = findContext(doc, start, end, ROUTING, { before: 40 });
      if (ctx.length === 0 || !abaValid(m[0])) return;
      out.push(
        makeFinding(doc, "routing-number", "ROUTING_NUMBER", start, end, {
          candidate: "9-digits",
          validations: [{ rule: "aba-checksum-and-prefix", passed: true }],
          context: ctx.map((h) => `${h.where === "header" ? "header" : "label"}:${h.word}`),
          rung: pickRung({ context: true, checksum: true }),
        }),
      );
    });
    return out;
  },
};
