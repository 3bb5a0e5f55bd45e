/**
 * DIAGNOSIS, MEDICATION and PROCEDURE: lexicon terms (candidate) confirmed by labels, clinical
 * context words, doses (medications) or body sites (imaging).
 *
 * Rungs:
 *   possible   an everyday-word term alone ("anxiety", "cancer"), or a brand that is also a name
 *              with only weak support
 *   likely     a lexicon term alone (unambiguous: "metformin", "colonoscopy", "COPD")
 *   strong     term + clinical context words nearby ("history of", "s/p", "prescribed", "underwent")
 *   confirmed  term under a field label ("Diagnosis:", "Medications:", "Procedure:") or, for a
 *              medication, followed by a dose ("metformin 500 mg BID")
 * Ambiguous abbreviations ("MS", "PE", "PCI", "AKA") are kept only with context or a label.
 */
import type { DataElement } from "../../../core/elements.js";
import diagnosisData from "../../lexicons/diagnoses.data.js";
import medicationData from "../../lexicons/medications.data.js";
import procedureData from "../../lexicons/procedures.data.js";
import { buildTermLexicon, looksLikeName, type TermLexicon, type TermMatch } from "../../lexicons/terms.js";
import { findTables, lazy, lineWindow } from "../../lexicons/text.js";
import type { DetectDocument, Detector, Explanation, Finding, ScoreRung } from "../../types.js";
import { SCORE } from "../../types.js";

export const diagnosisLexicon = lazy(() => buildTermLexicon(diagnosisData));
export const medicationLexicon = lazy(() => buildTermLexicon(medicationData));
export const procedureLexicon = lazy(() => buildTermLexicon(procedureData));

interface Profile {
  id: string;
  element: DataElement;
  lexicon: () => TermLexicon;
  /** Field labels on the same line before the term. */
  labels: RegExp;
  /** Context words within the window before (or just after) the term. */
  context: RegExp;
  /** After a term: words that turn it into the name of an organisation, programme or place. */
  orgAfter: RegExp;
  /** Optional extension after the term (dose, body site); returns the extra length and a tag. */
  extend?: (after: string) => { length: number; tag: string } | undefined;
  /** Column headers whose cells hold this element. */
  header: RegExp;
}

interface ColumnCell {
  start: number;
  end: number;
  header: string;
  row: string | undefined;
}

/** Cells (in text order) of columns whose header announces the profile's element. */
function columnCells(profile: Profile, text: string): ColumnCell[] {
  const out: ColumnCell[] = [];
  for (const table of findTables(text)) {
    const cols = new Set(table.header.filter((h) => profile.header.test(h.text.trim())).map((h) => h.column));
    if (cols.size === 0) continue;
    for (const row of table.rows)
      for (const c of row.cells)
        if (cols.has(c.column) && c.text !== "")
          out.push({
            start: c.start,
            end: c.end,
            header: table.header[c.column]!.text.trim().toLowerCase(),
            row: row.row,
          });
  }
  return out;
}

function cellAt(cells: ColumnCell[], pos: number): ColumnCell | undefined {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cells[mid]!;
    if (pos < c.start) hi = mid - 1;
    else if (pos >= c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}

const ORG_AFTER =
  /^[\s-]+(?:Center|Centre|Institute|Society|Foundation|Association|Awareness|Month|Walk|Run|Research|Program|Programme|Department|Dept|Clinic|Unit|Team|Fund|Alliance|Network|Coalition|Center's|Support Group|Education|Services|Division|Service|Society's)\b/;

const DIAGNOSIS_CONTEXT =
  /\b(?:diagnos\w*|dx|hx|h\/o|history of|pmh|past medical history|problem list|suffers? from|suffering from|treated for|treatment (?:for|of)|being treated|assessment|impression|known|chronic|acute|new[- ]onset|admitted (?:for|with)|presents? with|presenting with|presented with|rule out|r\/o|positive for|s\/p|status post|c\/o|complains? of|secondary to|due to|exacerbation|stage|severe|mild|moderate|controlled|uncontrolled|managing|management of|with a history|comorbid\w*|icd)\b/i;
const DIAGNOSIS_LABEL =
  /(?:^|[\t|;]|\s{2})\s*(?:diagnosis|diagnoses|dx|primary dx|secondary dx|admitting diagnosis|discharge diagnosis|assessment|impression|problem(?: list)?|problems|pmh|past medical history|medical history|condition|conditions|reason for (?:visit|referral|admission)|chief complaint|cc|indication|hx)\s*[:#-]/i;

const MED_CONTEXT =
  /\b(?:rx|prescri\w*|medication|medications|meds|taking|takes|take|started|start|starting|stop|stopped|discontinue\w*|refill\w*|dose|dosage|tablet|tablets|tab|tabs|capsule|capsules|injection|inject\w*|inhaler|pharmacy|sig|dispense|titrat\w*|mg|mcg|units|allergic to|allergy to|allergies|on)\b/i;
const MED_LABEL =
  /(?:^|[\t|;]|\s{2})\s*(?:medication|medications|meds|current medications|home medications|discharge medications|rx|prescription|prescriptions|drug|drugs|allergies|allergy|sig)\s*[:#-]/i;

const PROC_CONTEXT =
  /\b(?:underwent|undergo|undergoing|scheduled|schedule|s\/p|status post|had an?|procedure|surgery|surgical|performed|post[- ]?op|pre[- ]?op|postoperative|preoperative|consent|prior auth\w*|authorization|referral|referred for|order\w*|ordered|results? of|recovering from|recovery from|complications? (?:of|from)|follow[- ]up after|booked|cancel\w*|reschedul\w*)\b/i;
const PROC_LABEL =
  /(?:^|[\t|;]|\s{2})\s*(?:procedure|procedures|surgery|surgeries|operation|surgical history|psh|past surgical history|study|exam|imaging|test|tests|order|ordered|service|treatment|cpt description)\s*[:#-]/i;

const DOSE =
  /^[\s,]*(?:\(?\s*)?(\d+(?:[.,]\d+)?(?:\s*[-/]\s*\d+(?:\.\d+)?)?\s*(?:mg|mcg|µg|ug|g|gm|gram|grams|ml|mL|units?|iu|IU|meq|mEq|%|mg\/ml|mg\/kg|puffs?|tabs?|tablets?|caps?|capsules?|drops?|patch)\b(?:\s*\/\s*(?:day|dose|hr|hour|kg|ml|mL))?)(?:\s*(?:PO|po|oral|orally|IV|iv|IM|im|SC|SQ|subq|subcut|SL|topical|inhaled|by mouth|intravenous\w*))?(?:\s*(?:daily|qd|QD|bid|BID|tid|TID|qid|QID|qhs|QHS|qam|QAM|qpm|prn|PRN|q\d+h|Q\d+H|q\d+ ?hrs?|once daily|twice daily|three times daily|at bedtime|every \d+ hours|every morning|every night|weekly|monthly|as needed|nightly|in the morning|with meals|x ?\d+ days?))?/i;

const BODY_PARTS =
  "(?:brain|head|neck|chest|abdomen|pelvis|abdomen(?:/| and )pelvis|spine|cervical spine|thoracic spine|lumbar spine|c-spine|l-spine|t-spine|shoulder|knee|hip|ankle|foot|wrist|hand|elbow|arm|leg|femur|heart|cardiac|liver|kidneys?|renal|breasts?|thyroid|orbits|sinuses|face|lungs?|pulmonary|prostate|bladder|uterus|ovaries|carotids?|aorta|extremity|lower extremity|upper extremity|whole body|bone|bones|iac|pituitary)";
const IMAGING_SITE = new RegExp(
  `^(?:\\s+of\\s+(?:the\\s+)?|\\s+|\\s*[-/]\\s*)(?:(?:left|right|bilateral|lt|rt|l|r)\\s+)?${BODY_PARTS}(?:\\s+(?:with|w\\/|without|w\\/o)(?:\\s+and\\s+without)?\\s+(?:contrast|iv contrast))?\\b`,
  "i",
);
const IMAGING =
  /^(?:MRI|MRA|CT|CT scan|CAT scan|x-ray|xray|X ray|ultrasound|PET scan|PET\/CT|CTA|radiograph|doppler ultrasound|bone scan)$/i;

function lineBounds(text: string, pos: number): [number, number] {
  const w = lineWindow(text, pos);
  return [w.start, w.end];
}

/** Standalone "CT" + body site ("CT head", "CT abdomen/pelvis"): the lexicon has only "CT scan". */
const CT_SITE = new RegExp(`(?<![\\p{L}\\p{N}])CT(?=(?:\\s+of\\s+(?:the\\s+)?|\\s+)${BODY_PARTS}\\b)`, "giu");

function detectTerms(profile: Profile, text: string): Finding[] {
  const out: Finding[] = [];
  const cells = columnCells(profile, text);
  const covered = new Set<number>();
  const matches: TermMatch[] = profile.lexicon().find(text);
  if (profile.element === "PROCEDURE") {
    for (const m of text.matchAll(CT_SITE)) {
      if (m[0] !== "CT") continue;
      if (!matches.some((x) => x.start <= m.index && m.index < x.end)) {
        matches.push({
          start: m.index,
          end: m.index + 2,
          entry: {
            phrase: "CT",
            canonical: "CT scan",
            caseSensitive: true,
            needsContext: false,
            everyday: false,
          },
        });
      }
    }
    matches.sort((a, b) => a.start - b.start);
  }
  for (const m of matches) {
    let end = m.end;
    const [ls, le] = lineBounds(text, m.start);
    const after = text.slice(end, Math.min(le, end + 80));
    if (profile.orgAfter.test(after)) continue;
    const linePrefix = text.slice(ls, m.start);
    const cell = cells.length > 0 ? cellAt(cells, m.start) : undefined;
    const labelled = cell !== undefined || profile.labels.test(linePrefix);
    const windowBefore = text.slice(Math.max(ls, m.start - 60), m.start);
    const windowAfter = text.slice(end, Math.min(le, end + 30));
    const contextHit = profile.context.exec(windowBefore) ?? profile.context.exec(windowAfter);
    const ext = profile.extend?.(after);
    if (ext) end += ext.length;
    const matched = text.slice(m.start, m.end);
    const nameLike = /^\p{Lu}/u.test(matched) && !m.entry.caseSensitive && looksLikeName(matched);
    const context: string[] = [];
    if (cell) context.push(`header:${cell.header}`);
    else if (labelled) context.push("field-label");
    if (contextHit) context.push(`context:${contextHit[0].toLowerCase()}`);
    if (ext) context.push(ext.tag);
    let rung: ScoreRung;
    let note: string;
    if (labelled || (ext && profile.element === "MEDICATION")) {
      rung = "confirmed";
      note = labelled ? "term under a clinical field label" : "medication name followed by a dose";
    } else if (contextHit || ext) {
      rung = "strong";
      note = "lexicon term with clinical context";
    } else if (m.entry.needsContext) {
      continue;
    } else if (m.entry.everyday || nameLike) {
      if (profile.element !== "DIAGNOSIS") continue;
      rung = "possible";
      note = nameLike ? "term is also a personal name; no context" : "everyday word; no context";
    } else {
      rung = "likely";
      note = "lexicon term";
    }
    if (nameLike && !ext && !labelled && rung === "strong") rung = "possible";
    const explanation: Explanation = {
      candidate: `${profile.id}:lexicon`,
      validations: [{ rule: "lexicon", passed: true }],
      context,
      rung,
      note: `${note}; ${profile.element === "MEDICATION" ? "generic" : "group"}: ${m.entry.canonical}`,
    };
    if (ext) explanation.validations!.push({ rule: ext.tag, passed: true });
    const f: Finding = {
      element: profile.element,
      start: m.start,
      end,
      text: text.slice(m.start, end),
      score: SCORE[rung],
      detector: profile.id,
      explanation,
    };
    if (cell?.row !== undefined) f.row = cell.row;
    if (cell) covered.add(cell.start);
    out.push(f);
  }
  // A cell under the column header is one finding: the whole cell ("Type 2 DM w/ neuropathy"),
  // confirmed when lexicon terms are in it, strong when none is.
  const merged: Finding[] = [];
  for (const f of out) {
    const cell = cells.length > 0 ? cellAt(cells, f.start) : undefined;
    if (cell && (f.start > cell.start || f.end < cell.end)) continue; // replaced by the whole cell below
    merged.push(f);
  }
  out.length = 0;
  out.push(...merged);
  const whole = new Set(merged.filter((f) => cellAt(cells, f.start)?.end === f.end).map((f) => f.start));
  for (const cell of cells) {
    const value = text.slice(cell.start, cell.end);
    if (
      !/\p{L}{3}/u.test(value) ||
      value.length > 120 ||
      /^(?:n\/?a|none|unknown|pending|tbd|other|-+)$/i.test(value)
    )
      continue;
    const hasTerm = covered.has(cell.start);
    if (hasTerm && whole.has(cell.start)) continue;
    const rung: ScoreRung = hasTerm ? "confirmed" : "strong";
    const f: Finding = {
      element: profile.element,
      start: cell.start,
      end: cell.end,
      text: value,
      score: SCORE[rung],
      detector: profile.id,
      explanation: {
        candidate: `${profile.id}:column`,
        validations: [{ rule: "lexicon", passed: hasTerm }],
        context: [`header:${cell.header}`],
        rung,
        note: hasTerm
          ? "cell under a column header for this element, with lexicon terms in it"
          : "cell under a column header for this element; no lexicon term in it",
      },
    };
    if (cell.row !== undefined) f.row = cell.row;
    out.push(f);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A disease name followed by these names a test, vaccine or programme, not a diagnosis. */
const DIAGNOSIS_NOT_AFTER = new RegExp(
  `${ORG_AFTER.source}|^[\\s-]*(?:1\\/2\\s*)?(?:test|tests|testing|screen|screening|PCR|NAAT|antigen|antibody|antibodies|Ag|Ab|IgG|IgM|RNA|DNA|viral load|vaccine|vaccines|vaccination|booster|shot|swab|panel|culture|policy|protocol|guidelines?|precautions|unit|ward|floor)\\b`,
  "i",
);

const DIAGNOSIS: Profile = {
  id: "diagnosis",
  element: "DIAGNOSIS",
  lexicon: diagnosisLexicon,
  labels: DIAGNOSIS_LABEL,
  context: DIAGNOSIS_CONTEXT,
  orgAfter: DIAGNOSIS_NOT_AFTER,
  header:
    /^(?:(?:primary|secondary|admitting|admit|discharge|principal|final|working)[ _]*)?(?:diagnosis|diagnoses|dx|condition|conditions|problem|problems|problem list|reason for (?:visit|referral|admission)|visit reason|chief complaint|cc|indication|(?:icd|diagnosis|dx)[ _]*(?:description|desc))$/i,
};

const MEDICATION: Profile = {
  id: "medication",
  element: "MEDICATION",
  lexicon: medicationLexicon,
  labels: MED_LABEL,
  context: MED_CONTEXT,
  orgAfter: ORG_AFTER,
  header:
    /^(?:(?:current|home|discharge|active)[ _]*)?(?:medication|medications|meds|drug|drugs|drug name|medication name|rx|prescription|prescriptions|prescribed)$/i,
  extend(after) {
    const m = DOSE.exec(after);
    return m ? { length: m[0].trimEnd().length, tag: "dose" } : undefined;
  },
};

const PROCEDURE: Profile = {
  id: "procedure",
  element: "PROCEDURE",
  lexicon: procedureLexicon,
  labels: PROC_LABEL,
  context: PROC_CONTEXT,
  orgAfter: ORG_AFTER,
  header:
    /^(?:(?:scheduled|planned|primary)[ _]*)?(?:procedure|procedures|procedure name|procedure description|proc|surgery|surgeries|operation|cpt description|service description|imaging|study|exam)$/i,
};

export const diagnosisDetector: Detector = {
  meta: {
    id: DIAGNOSIS.id,
    elements: ["DIAGNOSIS"],
    description:
      "Diagnoses and conditions from a compact lexicon (names, synonyms, abbreviations such as CHF, COPD, DM2, HTN), " +
      "raised by clinical labels and context words; ambiguous abbreviations need context.",
    version: "1.0.0",
    examples: [
      { text: "PMH: HTN, DM2, CHF", expect: ["HTN", "DM2", "CHF"] },
      {
        text: "Patient has a history of chronic obstructive pulmonary disease.",
        expect: ["chronic obstructive pulmonary disease"],
      },
      { text: "Diagnosis: Type 2 diabetes mellitus", expect: ["Type 2 diabetes mellitus"] },
      { text: "She was diagnosed with breast cancer in 2019.", expect: ["breast cancer"] },
      { text: "Admitted with AFib with RVR and pneumonia.", expect: ["AFib", "pneumonia"] },
      { text: "Hx of MS, on Ocrevus.", expect: ["MS"] },
      { text: "Dear Ms. Smith, thank you.", expect: [] },
      { text: "Please send the PE teacher the form.", expect: [] },
      { text: "The Cancer Center will be closed Monday.", expect: [] },
      { text: "We will drive to the meeting at 3 pm.", expect: [] },
      { text: "Our vendor invoice for office supplies is attached", expect: [] },
    ],
  },
  detect(doc: DetectDocument): Finding[] {
    return detectTerms(DIAGNOSIS, doc.text);
  },
};

export const medicationDetector: Detector = {
  meta: {
    id: MEDICATION.id,
    elements: ["MEDICATION"],
    description:
      "Medications (generic and brand names) from a compact lexicon; a dose and frequency after the name " +
      "('metformin 500 mg BID') extends the span and confirms it.",
    version: "1.0.0",
    examples: [
      { text: "Continue metformin 500 mg BID.", expect: ["metformin 500 mg BID"] },
      { text: "Started on Eliquis 5mg twice daily", expect: ["Eliquis 5mg twice daily"] },
      { text: "Meds: lisinopril, atorvastatin", expect: ["lisinopril", "atorvastatin"] },
      {
        text: "She takes Lasix 40 mg PO daily and insulin glargine 20 units qhs.",
        expect: ["Lasix 40 mg PO daily", "insulin glargine 20 units qhs"],
      },
      { text: "Allergic to penicillin.", expect: ["penicillin"] },
      { text: "Allegra Thompson called about her bill.", expect: [] },
      { text: "What is our plan B if the server fails?", expect: [] },
      { text: "Take 2 minutes to complete the survey.", expect: [] },
      { text: "Suite 200, 500 Main Street", expect: [] },
      { text: "Exelon sent the electricity invoice.", expect: [] },
    ],
  },
  detect(doc: DetectDocument): Finding[] {
    return detectTerms(MEDICATION, doc.text);
  },
};

export const procedureDetector: Detector = {
  meta: {
    id: PROCEDURE.id,
    elements: ["PROCEDURE"],
    description:
      "Procedures, imaging and treatments from a compact lexicon (colonoscopy, CABG, appendectomy, MRI of the …), " +
      "with the body site after an imaging term included in the span.",
    version: "1.0.0",
    examples: [
      { text: "She is scheduled for a colonoscopy next week.", expect: ["colonoscopy"] },
      { text: "MRI of the lumbar spine showed a herniated disc.", expect: ["MRI of the lumbar spine"] },
      { text: "s/p CABG x3 in 2015", expect: ["CABG"] },
      { text: "Procedure: Laparoscopic cholecystectomy", expect: ["Laparoscopic cholecystectomy"] },
      { text: "CT head without contrast was negative.", expect: ["CT head without contrast"] },
      { text: "Please confirm PCI compliance for card payments.", expect: [] },
      { text: "John Smith, aka Johnny, called.", expect: [] },
      { text: "Meeting in Hartford, CT on Friday.", expect: [] },
      { text: "The echo of the hallway was loud", expect: [] },
      { text: "Drive safely.", expect: [] },
    ],
  },
  detect(doc: DetectDocument): Finding[] {
    return detectTerms({ ...PROCEDURE, extend: imagingExtend }, doc.text);
  },
};

function imagingExtend(after: string): { length: number; tag: string } | undefined {
  const m = IMAGING_SITE.exec(after);
  return m ? { length: m[0].length, tag: "body-site" } : undefined;
}

/** Exposed for tests: whether a matched phrase is an imaging term that takes a body site. */
export function isImagingTerm(phrase: string): boolean {
  return IMAGING.test(phrase);
}
