import { type ContextHit, effectiveDistance, findContext, lexicon, nearest } from "../context.js";
import { BIRTH_WORDS, dateCandidates, EVENT_DATE_WORDS, onMailHeaderLine } from "../dates.js";
import { cellAt } from "../document.js";
import { makeFinding } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { DetectDocument, Detector, Finding } from "../types.js";
import { expandYear, plausibleEventDate } from "../validators/date.js";

const EVENT = lexicon(EVENT_DATE_WORDS);
const GENERIC_DATE_HEADER = /^(?:date|dt|date\/time|datetime|date of|svc|service)$/i;
const PERSON_HEADER = /\b(?:patient|pt|name|last|first|mrn|member|acct|account|dob)\b/i;

/**
 * A plain "Date" column in a table whose other headers identify a person (Patient, Name, MRN, DOB):
 * the row is a record about that person, so its date is a date of service/visit.
 */
function genericDateColumn(doc: DetectDocument, start: number, end: number): ContextHit | undefined {
  const loc = cellAt(doc, start, end);
  if (!loc?.header || !GENERIC_DATE_HEADER.test(loc.header.trim())) return undefined;
  if (!loc.table.headers.some((h, i) => i !== loc.cell.col && PERSON_HEADER.test(h))) return undefined;
  return { word: `${loc.header.toLowerCase()} (patient table)`, where: "header", distance: 0 };
}
const BIRTH = lexicon(BIRTH_WORDS);

/**
 * Dates of admission, discharge, service, visit or death: any date form (see dates.ts) with an event
 * label nearby or under an event column header ("Admit Date", "DOS"). Dates without such a label —
 * message timestamps, invoice dates, meeting dates — are not reported. A nearer birth label hands
 * the date to the DATE_OF_BIRTH detector.
 */
export const eventDate: Detector = {
  meta: {
    id: "date",
    elements: ["DATE"],
    description: "Admission, discharge, service, visit and death dates identified by label or column header.",
    version: "1.0.0",
    examples: [
      { text: "Admitted 03/04/2024, discharged 03/09/2024.", expect: ["03/04/2024", "03/09/2024"] },
      { text: "DOS: 2024-01-15", expect: ["2024-01-15"] },
      { text: "Date of death: January 5, 2023", expect: ["January 5, 2023"] },
      { text: "Sheet: Visits\nPatient\tVisit Date\nDoe, J\t11/2/23", expect: ["11/2/23"] },
      { text: "Sheet: Log\nDate\tPatient\tNote\n3/1/2024\tDoe, J\tcalled", expect: ["3/1/2024"] },
      { text: "Sheet: Budget\nDate\tItem\tAmount\n3/1/2024\tPaper\t40.00", expect: [] },
      { text: "Sent: Monday, March 4, 2024 10:12 AM", expect: [] },
      { text: "Invoice dated 12/01/2023", expect: [] },
      { text: "Need to move A. Darwish (4-16-90) - appt on Friday", expect: [] },
      { text: "Arrival-Date: Thu, 8 Mar 2005 14:00:00", expect: [] },
      { text: "DOB: 03/04/1961", expect: [] },
      { text: "Admit date: 13/45/2024", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const now = new Date();
    for (const c of dateCandidates(doc)) {
      if (onMailHeaderLine(doc.text, c.start)) continue;
      const event = findContext(doc, c.start, c.end, EVENT, { before: 40, after: 12 });
      if (event.length === 0) {
        const generic = genericDateColumn(doc, c.start, c.end);
        if (generic) event.push(generic);
        else continue;
      }
      const e = nearest(event)!;
      const b = nearest(findContext(doc, c.start, c.end, BIRTH, { before: 40, after: 12 }));
      if (b && effectiveDistance(b) <= effectiveDistance(e)) continue;
      const y = c.twoDigitYear ? expandYear(c.y, now, "event") : c.y;
      if (!plausibleEventDate({ y, m: c.m, d: c.d }, now)) continue;
      out.push(
        makeFinding(doc, "date", "DATE", c.start, c.end, {
          candidate: `date:${c.form}`,
          validations: [{ rule: "calendar-date", passed: true }],
          context: [`${e.where === "header" ? "header" : "label"}:${e.word}`],
          rung: pickRung({ context: true, ranges: true }),
        }),
      );
    }
    return out;
  },
};
