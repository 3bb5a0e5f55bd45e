import { lexicon } from "../context.js";
import { makeFinding, scan, scanColumns } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";

const AFTER_NUMBER =
  /\b(\d{1,3})(?:[ -]?(?:y\/o|y\.o\.?|yo|yrs?\.?[ -]old|years?[ -]old|yr[ -]old|yoa)|-years?-old|[ -]year[ -]old)(?![A-Za-z0-9])/gi;
const BEFORE_NUMBER = /\baged?[ \t]*[:=-]?[ \t]*(\d{1,3})(?![\d.,:/]\d)(?![A-Za-z0-9])/gi;
/** "max commit age 30", "cache age 3600": ages of things, not people. */
const NOT_PERSON_AGE =
  /\b(?:max|min|maximum|minimum|cache|commit|trans|transaction|file|data|password|token|session|cookie|log|record|account|key|message|object|entry)[ \t_-]*$/i;
/** Clinical shorthand: "76F", "76 yo M", "94 yrs" (age, optionally with sex). */
const SHORTHAND =
  /\b(\d{1,3})(?:[ ]?(?:yo|y\/o|yrs?|y)[ ]?(?:M|F|male|female)\b|(?:M|F)(?![A-Za-z0-9])|[ ]?yrs?(?![A-Za-z0-9]))/g;
/** Before the number: rooms, floors and catheter sizes ("Rm 3F", "12F catheter") are not ages; nor are durations. */
const NOT_AGE_BEFORE =
  /\b(?:rm|room|floor|fl|unit|bed|suite|level|for|over|past|last|within|after|before|every|in|x)[ \t.#:]*$/i;
const NOT_AGE_AFTER = /^[ \t]*(?:fr\b|french|cath|catheter|tube|ago|of\b|experience|since|service|old\b)/i;
const AGE_HEADER = lexicon(["age", "pt age", "patient age", "age (yrs)", "age yrs"]);
const AGE_CELL = /^\d{1,3}$/;

/**
 * Ages: a number 0–120 with an age phrase after it ("72 y/o", "45-year-old", "80 yrs old") or an age
 * label before it ("Age: 45", "aged 72"), or a cell under an "Age" column. The span is the number.
 * The age phrase is the context; the 0–120 range is the validation.
 */
export const age: Detector = {
  meta: {
    id: "age",
    elements: ["AGE"],
    description: "Ages written with an age phrase or label, or under an Age column.",
    version: "1.0.0",
    examples: [
      { text: "72 y/o male with CHF", expect: ["72"] },
      { text: "Age: 45", expect: ["45"] },
      { text: "a 45-year-old woman", expect: ["45"] },
      { text: "Sheet: List\nName\tAge\nDoe, J\t91", expect: ["91"] },
      { text: "see page 45 of the manual", expect: [] },
      { text: "storage 72 units", expect: [] },
      { text: "age 150 is not an age", expect: [] },
      { text: "the 5 year plan", expect: [] },
      { text: "max commit age 30, max trans age 30", expect: [] },
      { text: "Rm 427A D. Allen 76F PNA", expect: ["76"] },
      { text: "Ms. Allen, 77 yrs, was discharged", expect: ["77"] },
      { text: "Room 3F and a 12F catheter", expect: [] },
      { text: "worked here for 12 yrs", expect: [] },
      { text: "Subject: Test event =E2=8F=B0", expect: [] },
      { text: "AGP aperture is 64M @ 0xe800", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const text = doc.text;
    const emit = (start: number, value: string, ctx: string, candidate: string) => {
      const n = Number(value);
      if (!(n >= 0 && n <= 120)) return;
      out.push(
        makeFinding(doc, "age", "AGE", start, start + value.length, {
          candidate,
          validations: [{ rule: "age-0-120", passed: true }],
          context: [ctx],
          rung: pickRung({ context: true, ranges: true }),
        }),
      );
    };
    scan(AFTER_NUMBER, text, (m) =>
      emit(m.index, m[1]!, `label:${m[0].slice(m[1]!.length).trim().toLowerCase()}`, "age-phrase"),
    );
    scan(BEFORE_NUMBER, text, (m) => {
      const v = m[1]!;
      if (NOT_PERSON_AGE.test(text.slice(Math.max(0, m.index - 20), m.index))) return;
      emit(m.index + m[0].length - v.length, v, "label:age", "age-label");
    });
    scan(SHORTHAND, text, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      // Shorthand must stand as a word in prose: not inside encodings ("=E2=8F=B0"), hashes or paths.
      const b = start > 0 ? text[start - 1]! : " ";
      const a = end < text.length ? text[end]! : " ";
      if (!/[\s(,;:]/.test(b) || /[=/+\\]/.test(a)) return;
      if (/^[ \t]*[@=/+\\\d]/.test(text.slice(end, end + 4))) return; // "64M @ 0xe800", "2F 3G"
      if (NOT_AGE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return;
      if (NOT_AGE_AFTER.test(text.slice(end, end + 14))) return;
      const v = m[1]!;
      const n = Number(v);
      if (!(n >= 0 && n <= 120)) return;
      out.push(
        makeFinding(doc, "age", "AGE", start, start + v.length, {
          candidate: "age-shorthand",
          validations: [{ rule: "age-0-120", passed: true }],
          context: [`label:${m[0].slice(v.length).trim().toLowerCase()}`],
          rung: pickRung({ context: false, ranges: true }),
        }),
      );
    });
    scanColumns(doc, AGE_HEADER, AGE_CELL, (h) => emit(h.start, h.value, `header:${h.header}`, "column"));
    return out;
  },
};
