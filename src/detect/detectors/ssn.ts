import { effectiveDistance, findContext, lexicon, nearest } from "../context.js";
import { makeFinding, scan, standsAlone } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { DetectDocument, Detector, Explanation, Finding } from "../types.js";
import { isSampleSsn, ssnRuleFailure } from "../validators/ssn.js";

export const SSN_WORDS = [
  "ssn",
  "ssn#",
  "ss#",
  "ss",
  "ss #",
  "ss no",
  "ss number",
  "soc sec",
  "soc sec #",
  "social security",
  "social security number",
  "social security no",
  "social sec",
  "social #",
  "social no",
];

/** Words that make an SSN-shaped number something else: order/claim/account numbers, phones. */
export const NOT_SSN_WORDS = [
  "order",
  "order #",
  "invoice",
  "inv",
  "po",
  "p.o.",
  "ref",
  "reference",
  "tracking",
  "confirmation",
  "conf",
  "ticket",
  "case",
  "claim",
  "acct",
  "account",
  "phone",
  "tel",
  "fax",
  "cell",
  "mrn",
  "member",
  "policy",
  "group",
  "serial",
  "part",
  "model",
  "lot",
  "npi",
  "routing",
  "ein",
  "fein",
];

const SSN = lexicon(SSN_WORDS);
const NOT_SSN = lexicon(NOT_SSN_WORDS);
const CANDIDATE = /\b\d{3}([- ]?)\d{2}\1\d{4}\b/g;

export interface SsnShaped {
  start: number;
  end: number;
  digits: string;
  separator: string;
}

const shapedCache = new WeakMap<DetectDocument, SsnShaped[]>();

/** 3-2-4 digit candidates (dashes, spaces or none), found once per document for the SSN and ITIN detectors. */
export function ssnShaped(doc: DetectDocument): SsnShaped[] {
  let list = shapedCache.get(doc);
  if (!list) {
    const out: SsnShaped[] = [];
    const text = doc.text;
    scan(CANDIDATE, text, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (!standsAlone(text, start, end)) return;
      const separator = m[1] ?? "";
      out.push({ start, end, digits: separator ? m[0].split(separator).join("") : m[0], separator });
    });
    list = out;
    shapedCache.set(doc, list);
  }
  return list;
}

/**
 * Social Security numbers. Candidate: 3-2-4 digits separated by dashes or spaces, or 9 digits run
 * together. Confirmation: SSA issuance rules (area not 000/666/9xx, group not 00, serial not 0000) —
 * a number failing them is not reported (9xx belongs to the ITIN detector). An SSN label or column
 * header before the number raises the rung; a nearer "order/claim/phone…" label lowers it. Nine
 * digits run together need an SSN label. Published sample and placeholder numbers (078-05-1120,
 * 123-45-6789, …) are reported at `weak` with a failed "not-sample" validation.
 */
export const ssn: Detector = {
  meta: {
    id: "ssn",
    elements: ["SSN"],
    description: "US Social Security numbers checked against SSA issuance rules, with label context.",
    version: "1.0.0",
    examples: [
      { text: "SSN: 212-67-4431", expect: ["212-67-4431"] },
      { text: "Social Security # 212 67 4431", expect: ["212 67 4431"] },
      { text: "ss# 212674431", expect: ["212674431"] },
      { text: "SS: 212-67-4431", expect: ["212-67-4431"] },
      { text: "Her number is 212-67-4431.", expect: ["212-67-4431"] },
      { text: "Sheet: Pts\nName\tSSN\nDoe, J\t212674431", expect: ["212674431"] },
      { text: "SSN 000-12-3456 or 666-12-3456 or 912-34-5678", expect: [] },
      { text: "SSN 212-00-4431 and 212-67-0000", expect: [] },
      { text: "Order 212674431 shipped", expect: [] },
      { text: "Call 212-674-4310 today", expect: [] },
      { text: "ZIP 62704-1234", expect: [] },
      { text: "ref ORD-212-67-4431", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    for (const c of ssnShaped(doc)) {
      const { start, end, digits, separator } = c;
      const failure = ssnRuleFailure(digits);
      if (failure) continue;
      const pos = findContext(doc, start, end, SSN, { before: 40, after: 0 });
      const neg = findContext(doc, start, end, NOT_SSN, { before: 30, after: 0 });
      const p = nearest(pos);
      const n = nearest(neg);
      const negative = n !== undefined && (p === undefined || effectiveDistance(n) < effectiveDistance(p));
      if (separator === "" && !p) continue;
      const explanation: Explanation = {
        candidate: separator === "" ? "ssn:9-digits" : separator === "-" ? "ssn:dashed" : "ssn:spaced",
        validations: [{ rule: "ssa-issuance-rules", passed: true }],
        rung: "weak",
      };
      const context = pos.map((h) => `${h.where === "header" ? "header" : "label"}:${h.word}`);
      if (negative) context.push(`against:${n.word}`);
      if (context.length) explanation.context = [...new Set(context)];
      if (isSampleSsn(digits)) {
        explanation.validations!.push({ rule: "not-sample", passed: false });
        explanation.note = "published sample or placeholder number";
      } else {
        explanation.rung = pickRung({ context: p !== undefined, ranges: true, negative });
      }
      out.push(makeFinding(doc, "ssn", "SSN", start, end, explanation));
    }
    return out;
  },
};
