import { effectiveDistance, findContext, lexicon, nearest } from "../context.js";
import { BIRTH_WORDS, dateCandidates, EVENT_DATE_WORDS, onMailHeaderLine } from "../dates.js";
import { makeFinding } from "../kit.js";
import { pickRung } from "../rungs.js";
import type { Detector, Finding } from "../types.js";
import { expandYear, plausibleBirthDate } from "../validators/date.js";

const BIRTH = lexicon(BIRTH_WORDS);
const EVENT = lexicon(EVENT_DATE_WORDS);

/**
 * Dates of birth: any date form (see dates.ts) with a birth label before it on its line (or on the
 * line above when the date starts its line), just after it ("03/04/1961 (DOB)"), or under a DOB
 * column header. A date with no birth context is not reported here; when an event label (admit,
 * discharge…) is nearer than the birth label the date belongs to the DATE detector. The date must be
 * a real calendar date, not in the future and not before 1890.
 */
export const dateOfBirth: Detector = {
  meta: {
    id: "date-of-birth",
    elements: ["DATE_OF_BIRTH"],
    description: "Dates of birth: a calendar-valid past date with a DOB/birth label or column header.",
    version: "1.0.0",
    examples: [
      { text: "Pt: J. Smith  DOB: 03/04/1961", expect: ["03/04/1961"] },
      { text: "Date of Birth 3-4-61, seen in clinic", expect: ["3-4-61"] },
      { text: "born March 4, 1961 in Ohio", expect: ["March 4, 1961"] },
      { text: "DOB\n1961-03-04", expect: ["1961-03-04"] },
      { text: "Birth Date: 04MAR1961", expect: ["04MAR1961"] },
      { text: "Sheet: Patients\nName\tDOB\tMRN\nSmith, Ann\t7/14/1948\t00123456", expect: ["7/14/1948"] },
      { text: "Meeting moved to 03/04/2024 at 10am", expect: [] },
      { text: "DOB: 02/30/1961 (typo)", expect: [] },
      { text: "DOB: 03/04/2099", expect: [] },
      { text: "Admit date 03/04/2024, DOB on file", expect: [] },
      { text: "Invoice 12/01/2023 total $45.00", expect: [] },
    ],
  },
  detect(doc) {
    const out: Finding[] = [];
    const now = new Date();
    for (const c of dateCandidates(doc)) {
      if (onMailHeaderLine(doc.text, c.start)) continue;
      const birth = findContext(doc, c.start, c.end, BIRTH, { before: 40, after: 12 });
      if (birth.length === 0) continue;
      const event = findContext(doc, c.start, c.end, EVENT, { before: 40, after: 12 });
      const b = nearest(birth)!;
      const e = nearest(event);
      if (e && effectiveDistance(e) < effectiveDistance(b)) continue;
      const y = c.twoDigitYear ? expandYear(c.y, now, "birth") : c.y;
      const ymd = { y, m: c.m, d: c.d };
      if (!plausibleBirthDate(ymd, now)) continue;
      const rung = pickRung({ context: true, ranges: true });
      out.push(
        makeFinding(doc, "date-of-birth", "DATE_OF_BIRTH", c.start, c.end, {
          candidate: `date:${c.form}`,
          validations: [{ rule: "calendar-date-in-past", passed: true }],
          context: [`${b.where === "header" ? "header" : "label"}:${b.word}`],
          rung,
        }),
      );
    }
    return out;
  },
};
