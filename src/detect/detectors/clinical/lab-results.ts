/**
 * LAB_RESULT: a lab or test name followed by a value (and unit), or by a qualitative result.
 *
 * Candidate: lab name from a compact table. Confirmation: a numeric value right after it (with an
 * optional ":", "=", "of", "was", "is"), or a qualitative result (positive / negative / detected …).
 * Rungs:
 *   likely     short/ambiguous lab name ("K", "Na", "Cr", "PT") + explicit separator + value
 *   strong     lab name + value, or test + qualitative result ("COVID-19 PCR: positive")
 *   confirmed  lab name + value + a unit that fits ("glucose 142 mg/dL", "HbA1c 7.2%")
 */
import { escapeRegExp } from "../../lexicons/text.js";
import type { DetectDocument, Detector, Finding, ScoreRung } from "../../types.js";
import { SCORE } from "../../types.js";

export const LAB_DETECTOR_ID = "lab-result";

/** Lab names. `short` ones are common abbreviations/words and need an explicit separator. */
const LABS: { names: string[]; short?: boolean }[] = [
  {
    names: [
      "hemoglobin A1c",
      "haemoglobin A1c",
      "HbA1c",
      "Hb A1c",
      "HgbA1c",
      "Hgb A1c",
      "A1c",
      "A1C",
      "glycated hemoglobin",
    ],
  },
  {
    names: [
      "glucose",
      "blood glucose",
      "blood sugar",
      "fasting glucose",
      "fasting blood sugar",
      "FBG",
      "FBS",
      "BG",
      "POC glucose",
      "fingerstick glucose",
      "FSBG",
      "CBG",
    ],
  },
  { names: ["WBC", "white blood cell count", "white count", "RBC", "red blood cell count"] },
  {
    names: [
      "hemoglobin",
      "haemoglobin",
      "Hgb",
      "Hb",
      "hematocrit",
      "Hct",
      "platelets",
      "platelet count",
      "PLT",
      "MCV",
      "RDW",
      "ANC",
      "absolute neutrophil count",
    ],
  },
  {
    names: [
      "sodium",
      "potassium",
      "chloride",
      "bicarbonate",
      "CO2",
      "BUN",
      "blood urea nitrogen",
      "creatinine",
      "serum creatinine",
      "calcium",
      "magnesium",
      "phosphorus",
      "anion gap",
    ],
  },
  { names: ["Na", "K", "Cl", "Cr", "Ca", "Mg", "Phos", "HCO3"], short: true },
  {
    names: [
      "eGFR",
      "GFR",
      "estimated GFR",
      "creatinine clearance",
      "CrCl",
      "microalbumin",
      "urine albumin",
      "UACR",
      "urine protein",
      "proteinuria",
    ],
  },
  {
    names: [
      "ALT",
      "AST",
      "SGPT",
      "SGOT",
      "alkaline phosphatase",
      "alk phos",
      "ALP",
      "total bilirubin",
      "bilirubin",
      "T bili",
      "albumin",
      "total protein",
      "GGT",
      "lipase",
      "amylase",
      "ammonia",
      "LDH",
    ],
  },
  { names: ["TSH", "free T4", "FT4", "T4", "T3", "free T3"] },
  {
    names: [
      "total cholesterol",
      "cholesterol",
      "LDL",
      "LDL-C",
      "HDL",
      "HDL-C",
      "triglycerides",
      "TG",
      "non-HDL",
    ],
  },
  { names: ["PSA", "CA-125", "CA 125", "CEA", "AFP", "CA 19-9"] },
  { names: ["INR", "PTT", "aPTT", "prothrombin time", "D-dimer", "fibrinogen"] },
  { names: ["PT"], short: true },
  {
    names: [
      "BNP",
      "NT-proBNP",
      "proBNP",
      "troponin",
      "troponin I",
      "troponin T",
      "hs-troponin",
      "CK",
      "CPK",
      "CK-MB",
      "lactate",
      "lactic acid",
      "procalcitonin",
    ],
  },
  {
    names: [
      "CRP",
      "C-reactive protein",
      "hs-CRP",
      "ESR",
      "sed rate",
      "ferritin",
      "iron",
      "TIBC",
      "transferrin saturation",
      "vitamin B12",
      "B12",
      "folate",
      "vitamin D",
      "25-OH vitamin D",
      "vitamin D 25-OH",
      "uric acid",
    ],
  },
  { names: ["pH", "pO2", "pCO2", "PaO2", "PaCO2", "O2 sat", "SpO2", "oxygen saturation", "base excess"] },
  {
    names: [
      "CD4",
      "CD4 count",
      "viral load",
      "HIV viral load",
      "HCV RNA",
      "HBV DNA",
      "beta-hCG",
      "beta hCG",
      "hCG",
      "quantitative hCG",
    ],
  },
  { names: ["urine specific gravity", "specific gravity", "urine pH", "urine WBC", "urine RBC"] },
];

/** Tests reported as positive/negative. */
const QUALITATIVE = [
  "COVID-19",
  "COVID",
  "SARS-CoV-2",
  "influenza A",
  "influenza B",
  "influenza",
  "flu",
  "flu A",
  "flu B",
  "RSV",
  "strep",
  "rapid strep",
  "group A strep",
  "strep A",
  "HIV",
  "HIV-1/2",
  "hepatitis A",
  "hepatitis B",
  "hepatitis C",
  "hep B",
  "hep C",
  "HCV",
  "HBsAg",
  "HCV antibody",
  "pregnancy test",
  "urine pregnancy",
  "UPT",
  "hCG",
  "urine drug screen",
  "drug screen",
  "UDS",
  "tox screen",
  "blood culture",
  "blood cultures",
  "urine culture",
  "wound culture",
  "sputum culture",
  "culture",
  "urinalysis",
  "UA",
  "TB",
  "QuantiFERON",
  "Quantiferon-TB Gold",
  "PPD",
  "TB skin test",
  "Pap smear",
  "Pap",
  "HPV",
  "chlamydia",
  "gonorrhea",
  "GC/CT",
  "GC",
  "syphilis",
  "RPR",
  "MRSA",
  "MRSA screen",
  "C. diff",
  "C diff",
  "C. difficile",
  "H. pylori",
  "FIT",
  "FOBT",
  "Cologuard",
  "ANA",
  "rheumatoid factor",
  "RF",
  "BRCA",
  "BRCA1",
  "BRCA2",
  "genetic test",
  "mono",
  "monospot",
  "Lyme",
  "strep screen",
];
const TEST_WORD =
  "(?:\\s+(?:test|testing|PCR|NAAT|antigen|Ag\\/Ab|Ag|antibody|antibodies|Ab|IgG|IgM|RNA|DNA|screen|screening|culture|swab|rapid test|rapid|panel|result|results|assay))*";
const QUAL_RESULT =
  "(?:positive|negative|POSITIVE|NEGATIVE|Positive|Negative|pos|neg|POS|NEG|detected|not detected|DETECTED|NOT DETECTED|Detected|Not Detected|reactive|non-reactive|nonreactive|NON-REACTIVE|REACTIVE|Reactive|Non-reactive|Nonreactive|indeterminate|equivocal|abnormal|ABNORMAL|Abnormal|\\(\\+\\)|\\(-\\)|\\+|-ve|\\+ve)";

function alternation(names: string[]): string {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map((n) => escapeRegExp(n).replace(/\\-|-/g, "[-‐ ]?").replace(/ /g, "\\s*"))
    .join("|");
}

const UNITS =
  "(?:%|mg\\/dL|mg\\/dl|MG\\/DL|mmol\\/L|mmol\\/l|mEq\\/L|meq\\/L|meq\\/l|mEq\\/l|g\\/dL|g\\/dl|g\\/L|K\\/uL|K\\/µL|x10\\^?9\\/L|x ?10\\^?3\\/uL|10\\^3\\/uL|\\/uL|\\/µL|\\/mm3|cells\\/mm3|cells\\/uL|U\\/L|IU\\/L|u\\/L|ng\\/mL|ng\\/ml|ng\\/dL|pg\\/mL|pg\\/ml|mcg\\/dL|ug\\/dL|µg\\/dL|uIU\\/mL|mIU\\/mL|mIU\\/L|mU\\/L|mL\\/min(?:\\/1\\.73\\s?m2|\\/1\\.73m²)?|ml\\/min|sec|seconds|s|mm\\/hr|mm\\/h|mmHg|copies\\/mL|copies\\/ml|IU\\/mL|fL|g\\/24h|mg\\/g)";

const SEP =
  "(?:\\s*[:=]\\s*|\\s+(?:of|was|is|at|level|level of|result|value|now|today|=)\\s+|\\s+|\\s*-\\s*)";
const VALUE = "(?:[<>]=?\\s*|≤\\s*|≥\\s*)?\\d{1,6}(?:[.,]\\d{1,3})?(?!\\d|[.,]\\d|\\/\\d|:\\d)";
const FLAG = "(?:\\s*\\(?(?:H|L|HH|LL|high|low|HIGH|LOW|critical|CRITICAL|abnormal)\\)?(?![\\p{L}]))?";

const LONG_NAMES = LABS.filter((l) => !l.short).flatMap((l) => l.names);
const SHORT_NAMES = LABS.filter((l) => l.short).flatMap((l) => l.names);

const NUMERIC_LONG = new RegExp(
  `(?<![\\p{L}\\p{N}])(${alternation(LONG_NAMES)})(?:\\s*\\([^)]{1,20}\\))?(${SEP})(${VALUE})(\\s*${UNITS}(?![\\p{L}]))?${FLAG}`,
  "gu",
);
const NUMERIC_LONG_CI = new RegExp(NUMERIC_LONG.source, "giu");
const NUMERIC_SHORT = new RegExp(
  `(?<![\\p{L}\\p{N}])(${alternation(SHORT_NAMES)})(\\s*[:=]\\s*|\\s+(?:of|was|is)\\s+)(${VALUE})(\\s*${UNITS}(?![\\p{L}]))?${FLAG}`,
  "gu",
);
/** A short name with only a space before the value needs a unit: "Na 131 mmol/L". */
const NUMERIC_SHORT_UNIT = new RegExp(
  `(?<![\\p{L}\\p{N}])(${alternation(SHORT_NAMES)})(\\s+)(${VALUE})(\\s*${UNITS}(?![\\p{L}]))${FLAG}`,
  "gu",
);
const QUAL_AFTER = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${alternation(QUALITATIVE)})${TEST_WORD}(?:\\s*[:=]\\s*|\\s*-\\s*|\\s+(?:was|is|came back|returned|resulted|result(?:ed)?:?|results?:?)\\s+|\\s+)${QUAL_RESULT}(?![\\p{L}])`,
  "giu",
);
const QUAL_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:tested\\s+)?(?:positive|negative)\\s+(?:for|on)\\s+(?:the\\s+)?(?:${alternation(QUALITATIVE)})${TEST_WORD}(?![\\p{L}\\p{N}])`,
  "giu",
);

/** Lab names that are ordinary words in lower case: match those only as written in the table. */
const CASE_SENSITIVE_LONG = new Set([
  "ALT",
  "AST",
  "ALP",
  "TG",
  "CK",
  "CEA",
  "AFP",
  "ANC",
  "RDW",
  "MCV",
  "BG",
  "TSH",
  "PSA",
  "INR",
  "PTT",
  "BUN",
  "GGT",
  "LDH",
  "LDL",
  "HDL",
  "WBC",
  "RBC",
  "PLT",
  "FIT",
  "RF",
  "ANA",
  "GC",
  "UA",
  "TB",
  "FBS",
  "CBG",
]);
const TRAILING_NON_UNIT =
  /^\s*(?:years?|yrs?|yo|y\/o|days?|weeks?|wks?|months?|mos?|hours?|hrs?|minutes?|mins?|am|pm|AM|PM|patients?|people|times|x|st|nd|rd|th|dollars?|\$)\b/;

function pushNumeric(text: string, m: RegExpMatchArray, short: boolean, out: Finding[]): void {
  const name = m[1]!;
  const sep = m[2]!;
  const unit = m[4];
  const idx = m.index!;
  const end = idx + m[0].trimEnd().length;
  if (!short && CASE_SENSITIVE_LONG.has(name.toUpperCase()) && name !== name.toUpperCase()) return;
  if (!unit && TRAILING_NON_UNIT.test(text.slice(end, end + 12))) return;
  // a year or a long identifier is no lab value
  const value = m[3]!.replace(/[<>=≤≥\s]/g, "");
  if (!unit && /^(19|20)\d\d$/.test(value)) return;
  // "K 9" style: require the short name to be a standalone token preceded by start/space/punctuation
  const explicitSep = /[:=]|\b(?:of|was|is)\b/.test(sep);
  let rung: ScoreRung;
  if (unit) rung = "confirmed";
  else if (short) rung = "likely";
  else rung = explicitSep || /\s/.test(sep) ? "strong" : "likely";
  if (!unit && !short && sep.trim() === "" && CASE_SENSITIVE_LONG.has(name.toUpperCase()) && name.length <= 3)
    rung = "likely";
  out.push({
    element: "LAB_RESULT",
    start: idx,
    end,
    text: text.slice(idx, end),
    score: SCORE[rung],
    detector: LAB_DETECTOR_ID,
    explanation: {
      candidate: short ? "lab-name-short+value" : "lab-name+value",
      validations: [
        { rule: "numeric-value", passed: true },
        { rule: "unit", passed: unit !== undefined },
      ],
      context: explicitSep ? ["separator"] : [],
      rung,
      note: unit ? "lab name, value and unit" : "lab name and value",
    },
  });
}

export function detectLabs(text: string): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(NUMERIC_LONG_CI)) {
    const key = `${m.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pushNumeric(text, m, false, out);
  }
  for (const m of text.matchAll(NUMERIC_SHORT)) pushNumeric(text, m, true, out);
  for (const m of text.matchAll(NUMERIC_SHORT_UNIT)) pushNumeric(text, m, true, out);
  for (const re of [QUAL_AFTER, QUAL_BEFORE]) {
    for (const m of text.matchAll(re)) {
      const raw = m[0];
      // "+"/"-" results only right after a colon
      if (/(?:\+|-ve|\+ve)$/.test(raw) && !/[:=]\s*(?:\+|-ve|\+ve)$/.test(raw)) continue;
      const qualCaseOk =
        !/^(?:ua|tb|gc|rf|fit|ana|pap|flu|mono|strep|culture|lyme|hcg|hiv|rsv|uds|upt)\b/i.test(raw) ||
        re === QUAL_BEFORE ||
        /[:=]/.test(raw) ||
        /^(?:UA|TB|GC|RF|FIT|ANA|HIV|RSV|UDS|UPT|hCG|HCG|Pap|PAP|Flu|FLU|flu|Strep|strep|STREP|Mono|mono|Culture|culture|CULTURE|Lyme|LYME|lyme)\b/.test(
          raw,
        );
      if (!qualCaseOk) continue;
      if (/^(?:FIT|ANA|RF|GC|UA|TB|mono|Mono|MONO)\b/.test(raw) && !/[:=]/.test(raw) && re === QUAL_AFTER)
        continue;
      const rung: ScoreRung = "strong";
      out.push({
        element: "LAB_RESULT",
        start: m.index,
        end: m.index + raw.length,
        text: raw,
        score: SCORE[rung],
        detector: LAB_DETECTOR_ID,
        explanation: {
          candidate: re === QUAL_AFTER ? "test+qualitative-result" : "qualitative-result+test",
          validations: [{ rule: "qualitative-result", passed: true }],
          rung,
          note: "named test with a positive/negative style result",
        },
      });
    }
  }
  // overlapping: keep the longest, earliest
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const f of out) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) continue;
    kept.push(f);
  }
  return kept;
}

export const labResultDetector: Detector = {
  meta: {
    id: LAB_DETECTOR_ID,
    elements: ["LAB_RESULT"],
    description:
      "Lab results: a lab or test name followed by a value and unit ('HbA1c 7.2%', 'glucose 142 mg/dL', " +
      "'eGFR 45') or by a qualitative result ('COVID-19 PCR: positive', 'tested positive for HIV').",
    version: "1.0.0",
    examples: [
      { text: "Her HbA1c 7.2% last month.", expect: ["HbA1c 7.2%"] },
      { text: "A1C: 8.1", expect: ["A1C: 8.1"] },
      { text: "Fasting glucose 142 mg/dL today", expect: ["Fasting glucose 142 mg/dL"] },
      { text: "WBC 11.2, Hgb 9.8 g/dL, eGFR 45", expect: ["WBC 11.2", "Hgb 9.8 g/dL", "eGFR 45"] },
      { text: "COVID-19 PCR: positive", expect: ["COVID-19 PCR: positive"] },
      { text: "He tested positive for hepatitis C.", expect: ["tested positive for hepatitis C"] },
      { text: "K: 5.9, Na 131 mmol/L", expect: ["K: 5.9", "Na 131 mmol/L"] },
      { text: "Please schedule an A1C test next week.", expect: [] },
      { text: "Suite 200, Building K 9", expect: [] },
      { text: "The glucose meter costs 25 dollars.", expect: [] },
      { text: "COVID-19 vaccine clinic opens Monday", expect: [] },
      { text: "We had 45 patients in the TB clinic in 2023.", expect: [] },
    ],
  },
  detect(doc: DetectDocument): Finding[] {
    return detectLabs(doc.text);
  },
};
