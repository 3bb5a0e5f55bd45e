import type { Person } from "./people.js";
import type { Random } from "./random.js";

/** Clinical vocabulary the messages and documents draw from. */
export interface Diagnosis {
  name: string;
  /** Other ways staff write it. */
  aliases: readonly string[];
  icd: string;
}

export const DIAGNOSES: readonly Diagnosis[] = [
  { name: "Type 2 diabetes mellitus", aliases: ["type 2 diabetes", "T2DM", "DM2"], icd: "E11.9" },
  { name: "Essential hypertension", aliases: ["hypertension", "HTN", "high blood pressure"], icd: "I10" },
  { name: "Chronic obstructive pulmonary disease", aliases: ["COPD"], icd: "J44.9" },
  { name: "Major depressive disorder, single episode", aliases: ["depression", "MDD"], icd: "F32.9" },
  { name: "Generalized anxiety disorder", aliases: ["anxiety", "GAD"], icd: "F41.1" },
  { name: "Atrial fibrillation", aliases: ["afib", "A-fib", "AF"], icd: "I48.91" },
  { name: "Congestive heart failure", aliases: ["CHF", "heart failure"], icd: "I50.9" },
  { name: "Asthma, moderate persistent", aliases: ["asthma"], icd: "J45.40" },
  { name: "Chronic kidney disease, stage 3", aliases: ["CKD 3", "CKD stage 3"], icd: "N18.30" },
  { name: "Malignant neoplasm of breast", aliases: ["breast cancer", "breast CA"], icd: "C50.919" },
  { name: "Pneumonia, unspecified organism", aliases: ["pneumonia", "PNA"], icd: "J18.9" },
  { name: "Urinary tract infection", aliases: ["UTI"], icd: "N39.0" },
  { name: "Osteoarthritis of knee", aliases: ["knee OA", "osteoarthritis"], icd: "M17.9" },
  { name: "Opioid use disorder", aliases: ["OUD", "opioid dependence"], icd: "F11.20" },
  { name: "HIV disease", aliases: ["HIV", "HIV positive"], icd: "B20" },
  { name: "Hypothyroidism", aliases: ["low thyroid", "hypothyroid"], icd: "E03.9" },
  { name: "Migraine without aura", aliases: ["migraines", "migraine"], icd: "G43.009" },
  { name: "Acute appendicitis", aliases: ["appendicitis"], icd: "K35.80" },
  { name: "Fracture of left radius", aliases: ["wrist fracture", "broken wrist"], icd: "S52.502A" },
  { name: "Alcohol dependence", aliases: ["alcohol use disorder", "AUD"], icd: "F10.20" },
  { name: "Pregnancy, 2nd trimester", aliases: ["pregnant", "2nd trimester pregnancy"], icd: "Z3A.20" },
  { name: "Hyperlipidemia", aliases: ["high cholesterol", "HLD"], icd: "E78.5" },
  { name: "Schizophrenia", aliases: ["schizophrenia"], icd: "F20.9" },
  { name: "Iron deficiency anemia", aliases: ["anemia", "IDA"], icd: "D50.9" },
];

export interface Procedure {
  name: string;
  cpt: string;
}

export const PROCEDURES: readonly Procedure[] = [
  { name: "MRI lumbar spine without contrast", cpt: "72148" },
  { name: "CT head without contrast", cpt: "70450" },
  { name: "Colonoscopy with biopsy", cpt: "45380" },
  { name: "Total knee arthroplasty", cpt: "27447" },
  { name: "Laparoscopic cholecystectomy", cpt: "47562" },
  { name: "Echocardiogram, transthoracic", cpt: "93306" },
  { name: "Upper GI endoscopy", cpt: "43239" },
  { name: "Office visit, established patient", cpt: "99214" },
  { name: "New patient visit, moderate complexity", cpt: "99204" },
  { name: "Physical therapy evaluation", cpt: "97161" },
  { name: "Screening mammogram", cpt: "77067" },
  { name: "Cardiac catheterization", cpt: "93458" },
  { name: "Cataract extraction with IOL", cpt: "66984" },
  { name: "Psychotherapy, 60 minutes", cpt: "90837" },
  { name: "Sleep study (polysomnography)", cpt: "95810" },
];

export const MEDICATIONS: readonly string[] = [
  "metformin 500 mg",
  "lisinopril 10 mg",
  "atorvastatin 40 mg",
  "levothyroxine 75 mcg",
  "amlodipine 5 mg",
  "sertraline 50 mg",
  "escitalopram 10 mg",
  "albuterol inhaler",
  "apixaban 5 mg",
  "warfarin 5 mg",
  "insulin glargine 20 units",
  "buprenorphine/naloxone 8 mg/2 mg",
  "oxycodone 5 mg",
  "gabapentin 300 mg",
  "omeprazole 20 mg",
  "prednisone 20 mg",
  "amoxicillin 875 mg",
  "furosemide 40 mg",
  "quetiapine 100 mg",
  "Eliquis",
  "Ozempic 0.5 mg",
  "Humira 40 mg",
  "Truvada",
  "Suboxone",
];

export interface LabTest {
  name: string;
  unit: string;
  low: number;
  high: number;
  decimals: number;
}

export const LAB_TESTS: readonly LabTest[] = [
  { name: "Hemoglobin A1c", unit: "%", low: 4.8, high: 11.5, decimals: 1 },
  { name: "Glucose, fasting", unit: "mg/dL", low: 70, high: 260, decimals: 0 },
  { name: "Creatinine", unit: "mg/dL", low: 0.6, high: 3.2, decimals: 2 },
  { name: "eGFR", unit: "mL/min/1.73m2", low: 18, high: 110, decimals: 0 },
  { name: "Hemoglobin", unit: "g/dL", low: 7.9, high: 16.8, decimals: 1 },
  { name: "WBC", unit: "K/uL", low: 2.9, high: 18.5, decimals: 1 },
  { name: "Platelets", unit: "K/uL", low: 90, high: 420, decimals: 0 },
  { name: "TSH", unit: "mIU/L", low: 0.2, high: 9.8, decimals: 2 },
  { name: "LDL cholesterol", unit: "mg/dL", low: 60, high: 210, decimals: 0 },
  { name: "Potassium", unit: "mmol/L", low: 3.0, high: 5.9, decimals: 1 },
  { name: "INR", unit: "", low: 0.9, high: 4.2, decimals: 1 },
  { name: "PSA", unit: "ng/mL", low: 0.3, high: 12.5, decimals: 1 },
  { name: "Troponin I", unit: "ng/mL", low: 0.0, high: 0.9, decimals: 2 },
];

export const INSURERS: readonly { name: string; prefix: string }[] = [
  { name: "Aetna", prefix: "W" },
  { name: "Anthem Blue Cross Blue Shield", prefix: "YRK" },
  { name: "ConnectiCare", prefix: "CC" },
  { name: "UnitedHealthcare", prefix: "9" },
  { name: "Cigna", prefix: "U" },
  { name: "Harvard Pilgrim", prefix: "HP" },
  { name: "Blue Cross Blue Shield of Rhode Island", prefix: "ZBR" },
  { name: "HUSKY Health (CT Medicaid)", prefix: "MCD" },
  { name: "Oxford Health Plans", prefix: "OX" },
  { name: "Tufts Health Plan", prefix: "TH" },
];

export const DEPARTMENTS = [
  "Cardiology",
  "Oncology",
  "Orthopedics",
  "Behavioral Health",
  "Endocrinology",
  "Pulmonology",
  "Emergency Department",
  "Pediatrics",
  "OB/GYN",
  "Nephrology",
  "Gastroenterology",
  "Radiology",
];

/** A diagnosis that fits the person: no pregnancy for men, children or older women; no breast cancer for men. */
export function diagnosisFor(rng: Random, p: Pick<Person, "sex" | "dob" | "guarantorId">): Diagnosis {
  for (;;) {
    const dx = rng.pick(DIAGNOSES);
    if (dx.icd.startsWith("Z3A") && (p.sex !== "F" || p.guarantorId || p.dob.y < 1975)) continue;
    if (dx.icd.startsWith("C50") && p.sex !== "F") continue;
    return dx;
  }
}

/** A lab test that fits the person (no PSA for women). */
export function labTestFor(rng: Random, p: Pick<Person, "sex">): LabTest {
  for (;;) {
    const t = rng.pick(LAB_TESTS);
    if (t.name === "PSA" && p.sex !== "M") continue;
    return t;
  }
}
