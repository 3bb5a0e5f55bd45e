import { standsAlone } from "./kit.js";
import type { DetectDocument } from "./types.js";

/**
 * Date candidates, found once per document and shared by the DATE_OF_BIRTH and DATE detectors.
 * Forms: 1961-03-04 (ISO), 03/04/1961, 3-4-61, 3.4.1961 (month first; day first only when the first
 * number cannot be a month), March 4, 1961 / Mar. 4th 1961, 4 March 1961, 04-Mar-1961, 04MAR1961,
 * 4-MAR-61, and 8 digits (19610304, 03041961) which detectors accept only with a label.
 */
export interface DateCandidate {
  start: number;
  end: number;
  y: number;
  m: number;
  d: number;
  /** The year was written with two digits (y holds those two digits; expand with expandYear). */
  twoDigitYear: boolean;
  form: "iso" | "numeric" | "month-name" | "compact" | "digits8";
}

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\.?[ \\t]+$`, "i");
const DAY_YEAR = /^\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}$/;

/**
 * One pass, no capture groups (the match is parsed in JS, which is cheaper than 19 groups per match):
 * numeric forms, month-name first, day first, compact day-month-year, 8 digits.
 */
const DATE_RE = new RegExp(
  [
    String.raw`\b\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?[ \t]+${MONTH}\.?,?[ \t]+\d{4}\b`,
    // Month-first dates are found from their digits ("4, 1961") and the month is looked up behind:
    // a pass that starts at digits is much cheaper than one trying month names at every letter.
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}\b`,
    String.raw`\b\d{1,2}-?${MONTH}-?(?:\d{4}|\d{2})\b`,
    String.raw`\b\d{8}\b`,
  ].join("|"),
  "gi",
);

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

const cache = new WeakMap<DetectDocument, DateCandidate[]>();

export function dateCandidates(doc: DetectDocument): DateCandidate[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: DateCandidate[] = [];
  const text = doc.text;
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    let start = m.index;
    const end = start + m[0].length;
    let s = m[0];
    if (DAY_YEAR.test(s)) {
      const month = MONTH_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
      if (!month) continue;
      start -= month[0].length;
      s = text.slice(start, end);
    }
    if (!standsAlone(text, start, end)) continue;
    const c = parseDate(s, start, end);
    if (c) out.push(c);
  }
  cache.set(doc, out);
  return out;
}

const NUMERIC = /^(\d{1,4})([-/.])(\d{1,2})([-/.])(\d{2,4})$/;
const WORDY =
  /^(?:(\d{1,2})(?:st|nd|rd|th)?[ \t-]*([A-Za-z]+)\.?,?[ \t-]*(\d{2,4})|([A-Za-z]+)\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(\d{4}))$/;

/** Parse one matched date string; undefined when the parts are inconsistent (mixed separators…). */
export function parseDate(s: string, start: number, end: number): DateCandidate | undefined {
  const c0 = s.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    if (s.length === 8 && /^\d{8}$/.test(s)) {
      // yyyymmdd when it starts 19/20, else mmddyyyy.
      if (s.startsWith("19") || s.startsWith("20"))
        return {
          start,
          end,
          y: +s.slice(0, 4),
          m: +s.slice(4, 6),
          d: +s.slice(6),
          twoDigitYear: false,
          form: "digits8",
        };
      return {
        start,
        end,
        y: +s.slice(4),
        m: +s.slice(0, 2),
        d: +s.slice(2, 4),
        twoDigitYear: false,
        form: "digits8",
      };
    }
    const n = NUMERIC.exec(s);
    if (n) {
      if (n[2] !== n[4]) return undefined;
      const a = n[1]!;
      const c = n[5]!;
      if (a.length === 4) {
        if (c.length > 2) return undefined;
        return { start, end, y: +a, m: +n[3]!, d: +c, twoDigitYear: false, form: "iso" };
      }
      if (a.length === 3 || c.length === 3) return undefined;
      let month = +a;
      let day = +n[3]!;
      if (month > 12 && day <= 12) [month, day] = [day, month];
      return { start, end, y: +c, m: month, d: day, twoDigitYear: c.length === 2, form: "numeric" };
    }
  }
  const w = WORDY.exec(s);
  if (!w) return undefined;
  if (w[1] !== undefined) {
    const y = w[3]!;
    const compact = !/[ \t]/.test(s);
    if (!compact && y.length !== 4) return undefined;
    return {
      start,
      end,
      y: +y,
      m: monthOf(w[2]!),
      d: +w[1],
      twoDigitYear: y.length === 2,
      form: compact ? "compact" : "month-name",
    };
  }
  return { start, end, y: +w[6]!, m: monthOf(w[4]!), d: +w[5]!, twoDigitYear: false, form: "month-name" };
}

/** Labels of a date of birth. */
export const BIRTH_WORDS = [
  "dob",
  "d.o.b",
  "d.o.b.",
  "date of birth",
  "birth date",
  "birthdate",
  "birth dt",
  "birthday",
  "bday",
  "born",
  "born on",
  "b-day",
  "dob/age",
];

/** Labels of dates that HIPAA treats as identifying: admission, discharge, service, death, visit. */
export const EVENT_DATE_WORDS = [
  "admit",
  "admitted",
  "admission",
  "admission date",
  "adm date",
  "adm",
  "discharge",
  "discharged",
  "disch",
  "dc date",
  "d/c",
  "dos",
  "date of service",
  "service date",
  "svc date",
  "visit",
  "visit date",
  "seen",
  "seen on",
  "appointment",
  "appt",
  "appt date",
  "encounter",
  "encounter date",
  "surgery",
  "surgery date",
  "date of surgery",
  "procedure date",
  "death",
  "date of death",
  "dod",
  "died",
  "deceased",
  "expired",
  "passed away",
  "collected",
  "collection date",
  "specimen date",
  "injury date",
  "date of injury",
  "doi",
  "treated",
  "treatment date",
  "exam date",
  "study date",
  "ed visit",
  "er visit",
  "last seen",
  "follow-up",
  "follow up",
  "presented",
  "planned date",
  "planned for",
  "scheduled for",
  "scheduled on",
  "scheduled date",
  "arrival",
  "arrival date",
  "arrived",
];

/** Mail and delivery-report header lines carry message dates, never a patient's: "Date:", "Sent:", "Arrival-Date:". */
const HEADER_LINE = /^(?:[A-Za-z]+-)*(?:date|sent|received|delivered|expires|last-attempt-date)\s*:/i;

export function onMailHeaderLine(text: string, offset: number): boolean {
  const ls = text.lastIndexOf("\n", offset - 1) + 1;
  if (offset - ls > 60) return false;
  const colon = text.indexOf(":", ls);
  if (colon === -1 || colon >= offset || colon - ls > 40) return false;
  return HEADER_LINE.test(text.slice(ls, colon + 1));
}
