import { describe, expect, it } from "vitest";
import type { Detector } from "../../types.js";
import { SCORE } from "../../types.js";
import {
  clinicalDetectors,
  diagnosisDetector,
  labResultDetector,
  medicationDetector,
  medicationLexicon,
  procedureDetector,
} from "./index.js";

describe.each(clinicalDetectors.map((d) => [d.meta.id, d] as const))("%s examples", (_id, d) => {
  it("has at least 5 positive and 5 negative examples", () => {
    expect(d.meta.examples.filter((e) => e.expect.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(d.meta.examples.filter((e) => e.expect.length === 0).length).toBeGreaterThanOrEqual(5);
  });
  it.each(d.meta.examples.map((e) => [e.text, e] as const))("%j", (_t, ex) => {
    expect(
      d
        .detect({ text: ex.text })
        .map((f) => f.text)
        .sort(),
    ).toEqual([...ex.expect].sort());
  });
});

const run = (d: Detector, text: string) => d.detect({ text }).map((f) => [f.text, f.score]);

const NOTE = `PT SEEN TODAY. HX OF CHF, COPD ON 2L O2. A1C 9.2. CONTINUE LASIX 40MG PO BID.
Pt is a 67 y/o F with DM2, HTN, HLD presenting with chest pain. Troponin 0.04 ng/mL. BNP 1200.
Plan: CT chest w/ contrast. Start atorvastatin 80 mg nightly.
She had a knee replacement in 2019 and a hysterectomy. Allergies: PCN, sulfa.
Rapid strep negative. HIV-1/2 Ag/Ab: Non-reactive. Platelets: 98 K/uL.
COVID-19 vaccine clinic is on Monday. The MS Teams meeting is at 3. Please give the PE report to Ms. Lee.
Our Diabetes Education Program flyer is attached.`;

describe("clinical: a realistic note", () => {
  it("diagnoses with context are strong; programmes, tests and ambiguous abbreviations are not diagnoses", () => {
    expect(run(diagnosisDetector, NOTE)).toEqual([
      ["CHF", SCORE.strong],
      ["COPD", SCORE.strong],
      ["DM2", SCORE.strong],
      ["HTN", SCORE.strong],
      ["HLD", SCORE.strong],
    ]);
  });
  it("medications: doses extend and confirm, all-caps doses too", () => {
    expect(run(medicationDetector, NOTE)).toEqual([
      ["LASIX 40MG PO BID", SCORE.confirmed],
      ["atorvastatin 80 mg nightly", SCORE.confirmed],
      ["PCN", SCORE.strong],
      ["sulfa", SCORE.strong],
    ]);
  });
  it("procedures: imaging takes its body site", () => {
    expect(run(procedureDetector, NOTE).map((r) => r[0])).toEqual([
      "CT chest w/ contrast",
      "knee replacement",
      "hysterectomy",
      "COVID-19 vaccine",
    ]);
  });
  it("labs: value+unit confirmed, value strong, qualitative strong", () => {
    expect(run(labResultDetector, NOTE)).toEqual([
      ["A1C 9.2", SCORE.strong],
      ["Troponin 0.04 ng/mL", SCORE.confirmed],
      ["BNP 1200", SCORE.strong],
      ["Rapid strep negative", SCORE.strong],
      ["HIV-1/2 Ag/Ab: Non-reactive", SCORE.strong],
      ["Platelets: 98 K/uL", SCORE.confirmed],
    ]);
  });
  it("brand names that are personal names need a dose or context", () => {
    expect(run(medicationDetector, "Allegra Thompson called.")).toEqual([]);
    expect(run(medicationDetector, "Allegra 180 mg daily")).toEqual([
      ["Allegra 180 mg daily", SCORE.confirmed],
    ]);
    expect(medicationLexicon().lookup("glucophage")?.canonical).toBe("metformin");
  });
  it("explanations carry the candidate rule and rung, never the matched text", () => {
    const [f] = medicationDetector.detect({ text: "metformin 500 mg BID" });
    expect(f?.explanation.candidate).toBe("medication:lexicon");
    expect(f?.explanation.rung).toBe("confirmed");
    expect(JSON.stringify(f?.explanation)).not.toContain("500 mg");
  });
});

describe("clinical: spreadsheet columns", () => {
  const SHEET =
    "Sheet: Visits\nMRN\tPatient\tDiagnosis\tMedications\tProcedure\n" +
    "123\tJohn Smith\tType 2 DM w/ neuropathy\tmetformin 500 mg\tEGD\n" +
    "124\tAna Lopez\tCOPD\tN/A\tLeft knee scope";
  it("terms under a matching header are confirmed and carry the row key", () => {
    expect(diagnosisDetector.detect({ text: SHEET }).map((f) => [f.text, f.score, f.row])).toEqual([
      ["Type 2 DM w/ neuropathy", SCORE.confirmed, "Visits:2"],
      ["COPD", SCORE.confirmed, "Visits:3"],
    ]);
    expect(medicationDetector.detect({ text: SHEET }).map((f) => [f.text, f.row])).toEqual([
      ["metformin 500 mg", "Visits:2"],
    ]);
    expect(procedureDetector.detect({ text: SHEET }).map((f) => [f.text, f.score, f.row])).toEqual([
      ["EGD", SCORE.confirmed, "Visits:2"],
      ["Left knee scope", SCORE.strong, "Visits:3"],
    ]);
  });
});
