import type { DetectDocument } from "./types.js";
import { standsAlone } from "./kit.js";

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
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DATE_RE = new RegExp(
  [
    String.raw`\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\b`,
    String.raw`\b(\d{1,2})([-/.])(\d{1,2})\6(\d{4}|\d{2})\b`,
    String.raw`\b${MONTH}\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(\d{4})\b`,
    String.raw`\b(\d{1,2})(?:st|nd|rd|th)?[ \t]+${MONTH}\.?,?[ \t]+(\d{4})\b`,
    String.raw`\b(\d{1,2})(-?)${MONTH}\16(\d{4}|\d{2})\b`,
    String.raw`\b(\d{8})\b`,
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
    const start = m.index;
    const end = start + m[0].length;
    if (!standsAlone(text, start, end)) continue;
    const c = toCandidate(m, start, end);
    if (c) out.push(c);
  }
  cache.set(doc, out);
  return out;
}

function toCandidate(m: RegExpExecArray, start: number, end: number): DateCandidate | undefined {
  const base = { start, end };
  if (m[1] !== undefined)
    return { ...base, y: +m[1], m: +m[3]!, d: +m[4]!, twoDigitYear: false, form: "iso" };
  if (m[5] !== undefined) {
    let month = +m[5];
    let day = +m[7]!;
    if (month > 12 && day <= 12) [month, day] = [day, month];
    const y = m[8]!;
    return { ...base, y: +y, m: month, d: day, twoDigitYear: y.length === 2, form: "numeric" };
  }
  if (m[9] !== undefined)
    return { ...base, y: +m[11]!, m: monthOf(m[9]), d: +m[10]!, twoDigitYear: false, form: "month-name" };
  if (m[12] !== undefined)
    return { ...base, y: +m[14]!, m: monthOf(m[13]!), d: +m[12], twoDigitYear: false, form: "month-name" };
  if (m[15] !== undefined) {
    const y = m[18]!;
    return { ...base, y: +y, m: monthOf(m[17]!), d: +m[15], twoDigitYear: y.length === 2, form: "compact" };
  }
  const s = m[19];
  if (s === undefined) return undefined;
  // 8 digits: yyyymmdd when it starts 19/20, else mmddyyyy.
  if (s.startsWith("19") || s.startsWith("20"))
    return { ...base, y: +s.slice(0, 4), m: +s.slice(4, 6), d: +s.slice(6), twoDigitYear: false, form: "digits8" };
  return { ...base, y: +s.slice(4), m: +s.slice(0, 2), d: +s.slice(2, 4), twoDigitYear: false, form: "digits8" };
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
  "arrival",
  "arrived",
];
