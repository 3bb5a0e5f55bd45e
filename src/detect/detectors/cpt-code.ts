import { findContext, lexicon } from "../context.js";
import { makeFinding, scan, standsAlone } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";

const CPT = lexicon([
  "cpt",
  "cpt code",
  "cpt codes",
  "cpt®",
  "hcpcs",
  "hcpcs code",
  "cpt/hcpcs",
  "procedure code",
  "procedure codes",
  "proc code",
  "px code",
  "billing code",
  "billed",
  "procedure",
  "procedures",
  "procedure requested",
  "service:",
  "services:",
]);
/** "Springfield, IL 62704": a state abbreviation right before five digits makes them a ZIP code. */
const STATE_ABBREV_BEFORE = /\b[A-Z]{2}\.?,?[ \t]{1,2}$/;
const CANDIDATE = /\b(?:\d{5}|\d{4}[FT]|[A-V]\d{4})\b/g;
const LIST_GAP = /^(?:\s*[,;/]\s*|\s+and\s+|\s*,\s*and\s+|\s+)$/i;

function cptValid(code: string): boolean {
  if (/^\d{5}$/.test(code)) {
    const n = Number(code);
    return n >= 100 && n <= 99607;
  }
  return /^\d{4}[FT]$/.test(code) || /^[A-V]\d{4}$/.test(code);
}

/**
 * CPT (Category I 00100–99607, II ####F, III ####T) and HCPCS Level II (A0000–V9999) codes. Five
 * digits are everywhere (ZIP codes, amounts, IDs), so a CPT/HCPCS/procedure-code label or column
 * header is required; a code continuing a labelled list inherits the label.
 */
export const cptCode: Detector = {
  meta: {
    id: "cpt-code",
    elements: ["CPT_CODE"],
    description: "CPT and HCPCS procedure codes with a procedure-code label or column header.",
    version: "1.0.0",
    examples: [
      { text: "CPT 99213", expect: ["99213"] },
      { text: "CPT codes: 99214, 93000 and 36415", expect: ["99214", "93000", "36415"] },
      { text: "HCPCS J1885 x2", expect: ["J1885"] },
      { text: "Sheet: c\nPatient\tCPT\nDoe\t3078F", expect: ["3078F"] },
      { text: "Springfield, IL 62704", expect: [] },
      { text: "Service: Echocardiogram, transthoracic 93306", expect: ["93306"] },
      { text: "Service address: 12 Oak St, Peoria, IL 61602", expect: [] },
      { text: "Total 99213 units", expect: [] },
      { text: "CPT 99999", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const text = doc.text;
    let chainEnd = -1;
    scan(CANDIDATE, text, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (!standsAlone(text, start, end) || !cptValid(m[0])) return;
      if (STATE_ABBREV_BEFORE.test(text.slice(Math.max(0, start - 6), start))) return;
      let ctx = findContext(doc, start, end, CPT, { before: 60 }).map(
        (h) => `${h.where === "header" ? "header" : "label"}:${h.word}`,
      );
      if (
        ctx.length === 0 &&
        chainEnd >= 0 &&
        start - chainEnd <= 8 &&
        LIST_GAP.test(text.slice(chainEnd, start))
      )
        ctx = ["list:continues-labelled-codes"];
      if (ctx.length === 0) return;
      chainEnd = end;
      out.push(
        makeFinding(doc, "cpt-code", "CPT_CODE", start, end, {
          candidate: /^\d{5}$/.test(m[0]) ? "cpt:category-1" : "cpt:alnum",
          validations: [{ rule: "cpt-hcpcs-range", passed: true }],
          context: ctx,
          rung: pickRung({ context: true, ranges: true }),
        }),
      );
    });
    return out;
  },
};
