import { findContext, lexicon } from "../context.js";
import { makeFinding, scan, scanColumns, standsAlone } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";
import { icd10Valid } from "../validators/icd10.js";

const DX = lexicon([
  "icd",
  "icd-10",
  "icd10",
  "icd-10-cm",
  "icd code",
  "icd codes",
  "dx",
  "dx code",
  "dx codes",
  "diagnosis",
  "diagnoses",
  "diagnosis code",
  "diag",
  "diag code",
  "primary dx",
  "secondary dx",
  "admitting dx",
  "principal diagnosis",
]);
/** Code-shaped things that are not diagnoses: "Room B12.4", "version V10.2", "Fig. C12.1". */
const NOT_DX = lexicon([
  "version",
  "ver",
  "room",
  "rm",
  "suite",
  "model",
  "part",
  "flight",
  "gate",
  "section",
  "page",
  "table",
  "figure",
  "fig",
  "step",
  "seat",
  "bed",
  "unit",
  "aisle",
  "form",
]);
const CANDIDATE = /\b(?:[A-TV-Z]\d[0-9A-Z]|U0[79])(?:\.[0-9A-Z]{1,4})?\b/g;
const CELL = /^(?:[A-TV-Z]\d[0-9A-Z]|U0[79])(?:\.?[0-9A-Z]{1,4})?$/;
/** Between two codes of one list: ", ", "; ", " / ", " and ". */
const LIST_GAP = /^(?:\s*[,;/]\s*|\s+and\s+|\s*,\s*and\s+|\s+)$/i;

/**
 * ICD-10-CM diagnosis codes. Candidate: the code shape (letter, digit, letter/digit, optional
 * ".xxxx"); validation: the category lies inside an ICD-10-CM chapter (so "A1C" and "U99" fail).
 * With a diagnosis label (Dx, ICD-10, Diagnosis code) or column header the code is `strong`; a code
 * continuing a labelled list ("Dx: E11.9, I10, N18.3") inherits the label. Without a label only the
 * dotted form is reported, at `possible`; bare "I10" or "B12" without a label is not.
 */
export const icdCode: Detector = {
  meta: {
    id: "icd-code",
    elements: ["ICD_CODE"],
    description:
      "ICD-10-CM codes: chapter-valid shape, diagnosis label or header, dotted form without label.",
    version: "1.0.0",
    examples: [
      { text: "Dx: E11.9, I10, N18.3", expect: ["E11.9", "I10", "N18.3"] },
      { text: "ICD-10 F32.A noted", expect: ["F32.A"] },
      { text: "coded as J45.909 at discharge", expect: ["J45.909"] },
      { text: "Sheet: d\nPatient\tDx Code\nDoe\tZ3A29", expect: ["Z3A29"] },
      { text: "HbA1C of 7.2 and B12 levels", expect: [] },
      { text: "Dx: U99.1", expect: [] },
      { text: "room B12 on floor 3", expect: [] },
      { text: "Ford F150 truck", expect: [] },
      { text: "Meet in Room B12.4 at noon", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const text = doc.text;
    let chainEnd = -1;
    scan(CANDIDATE, text, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (!standsAlone(text, start, end) || !icd10Valid(m[0])) return;
      let ctx = findContext(doc, start, end, DX, { before: 40 }).map((h) => `label:${h.word}`);
      if (
        ctx.length === 0 &&
        chainEnd >= 0 &&
        start - chainEnd <= 8 &&
        LIST_GAP.test(text.slice(chainEnd, start))
      )
        ctx = ["list:continues-labelled-codes"];
      const dotted = m[0].includes(".");
      if (ctx.length === 0 && !dotted) return;
      if (ctx.length === 0 && findContext(doc, start, end, NOT_DX, { before: 15, header: false }).length > 0)
        return;
      if (ctx.length > 0) chainEnd = end;
      out.push(
        makeFinding(doc, "icd-code", "ICD_CODE", start, end, {
          candidate: dotted ? "icd10:dotted" : "icd10:category",
          validations: [{ rule: "icd10-chapter", passed: true }],
          context: ctx,
          rung: pickRung({ context: ctx.length > 0, ranges: true }),
        }),
      );
    });
    scanColumns(doc, DX, CELL, (h) => {
      if (!icd10Valid(h.value)) return;
      out.push(
        makeFinding(doc, "icd-code", "ICD_CODE", h.start, h.end, {
          candidate: "icd10:cell",
          validations: [{ rule: "icd10-chapter", passed: true }],
          context: [`header:${h.header}`],
          rung: pickRung({ context: true, ranges: true }),
        }),
      );
    });
    return out;
  },
};
