import { findContext, lexicon } from "../context.js";
import {
  makeFinding,
  registerLabels,
  scan,
  scanColumns,
  scanLabelled,
  standsAlone,
  valuePatterns,
} from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";
import { hicnValid, mbiValid } from "../validators/mbi.js";

const MEDICARE = lexicon([
  "medicare",
  "mbi",
  "medicare id",
  "medicare #",
  "medicare number",
  "medicare beneficiary identifier",
  "beneficiary id",
  "beneficiary",
  "hicn",
  "hic",
  "member id",
  "cms",
]);
const MBI_CANDIDATE = /\b[1-9][A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d-?[A-Z]{2}\d{2}\b/g;
const HICN_LABELS = registerLabels(
  lexicon([
    "hicn",
    "hic",
    "hic #",
    "hic no",
    "medicare #",
    "medicare id",
    "medicare no",
    "medicare number",
    "medicare claim number",
    "medicare claim #",
    "health insurance claim number",
  ]),
);
const HICN_HEADERS = lexicon(["hicn", "hic", "medicare #", "medicare id", "medicare number"]);
const HICN_VALUE = valuePatterns(String.raw`\d{3}-?\d{2}-?\d{4}[A-Z][A-Z0-9]?|[A-Z]{1,3}\d{6}(?:\d{3})?`);

/**
 * Medicare identifiers. MBI: the CMS character rules are strict (11 positions, fixed digit/letter
 * slots, no S L O I B Z), so a bare MBI is `likely` and a Medicare label makes it `strong`.
 * Legacy HICN (SSN plus beneficiary code, or a Railroad Retirement number) only with a Medicare /
 * HIC label or column header, since it is otherwise indistinguishable from other IDs.
 */
export const medicareId: Detector = {
  meta: {
    id: "medicare-id",
    elements: ["MEDICARE_ID"],
    description:
      "Medicare Beneficiary Identifiers (strict CMS format) and legacy HICNs with a Medicare label.",
    version: "1.0.0",
    examples: [
      { text: "MBI: 1EG4-TE5-MK73", expect: ["1EG4-TE5-MK73"] },
      { text: "Medicare 1EG4TE5MK73 primary", expect: ["1EG4TE5MK73"] },
      { text: "ID 9AA0AA0AA00 on file", expect: ["9AA0AA0AA00"] },
      { text: "Medicare HICN: 212674431A", expect: ["212674431A"] },
      { text: "Sheet: M\nName\tMedicare #\nDoe\t212-67-4431B1", expect: ["212-67-4431B1"] },
      { text: "MBI 1SG4TE5MK73", expect: [] },
      { text: "MBI 0EG4TE5MK73", expect: [] },
      { text: "part 1EG4TE5MK7", expect: [] },
      { text: "ssn 212674431A", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const text = doc.text;
    scan(MBI_CANDIDATE, text, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (!standsAlone(text, start, end) || !mbiValid(m[0])) return;
      const ctx = findContext(doc, start, end, MEDICARE, { before: 40 });
      out.push(
        makeFinding(doc, "medicare-id", "MEDICARE_ID", start, end, {
          candidate: "mbi",
          validations: [{ rule: "mbi-character-rules", passed: true }],
          context: ctx.map((h) => `${h.where === "header" ? "header" : "label"}:${h.word}`),
          rung: pickRung({ base: "possible", context: ctx.length > 0, ranges: true }),
        }),
      );
    });
    const hicn = (start: number, end: number, value: string, ctx: string) => {
      if (!hicnValid(value)) return;
      out.push(
        makeFinding(doc, "medicare-id", "MEDICARE_ID", start, end, {
          candidate: "hicn",
          validations: [{ rule: "hicn-format", passed: true }],
          context: [ctx],
          rung: pickRung({ context: true, ranges: true }),
        }),
      );
    };
    scanLabelled(doc, HICN_LABELS, HICN_VALUE.sticky, (h) =>
      hicn(h.start, h.end, h.value, `label:${h.label}`),
    );
    scanColumns(doc, HICN_HEADERS, HICN_VALUE.cell, (h) =>
      hicn(h.start, h.end, h.value, `header:${h.header}`),
    );
    return out;
  },
};
