import { diagnosisFor, labTestFor, MEDICATIONS, PROCEDURES } from "./clinical.js";
import type { GenContext } from "./context.js";
import { addDays } from "./dates.js";
import { faxNotice, letterhead } from "./letterhead.js";
import type { Person } from "./people.js";
import * as w from "./phi-writers.js";
import { TextDoc } from "./text-doc.js";
import { dateVariant, roughen } from "./variants.js";

/** A clinical or billing document about one patient, before it is rendered to a file format. */
export interface DocumentContent {
  title: string;
  /** A file name stem such as "lab_results_garcia". */
  stem: string;
  doc: TextDoc;
}

export type DocumentKind =
  | "lab-report"
  | "discharge-summary"
  | "referral-letter"
  | "denial-letter"
  | "records-request"
  | "prior-auth"
  | "registration-form";

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  "lab-report",
  "discharge-summary",
  "referral-letter",
  "denial-letter",
  "records-request",
  "prior-auth",
  "registration-form",
];

export function makeDocument(ctx: GenContext, kind: DocumentKind, p: Person): DocumentContent {
  switch (kind) {
    case "lab-report":
      return labReport(ctx, p);
    case "discharge-summary":
      return dischargeSummary(ctx, p);
    case "referral-letter":
      return referralLetter(ctx, p);
    case "denial-letter":
      return denialLetter(ctx, p);
    case "records-request":
      return recordsRequest(ctx, p);
    case "registration-form":
      return registrationForm(ctx, p);
    default:
      return priorAuth(ctx, p);
  }
}

function stemOf(p: Person, base: string): string {
  return `${base}_${
    p.last
      .normalize("NFD")
      .replace(/[^A-Za-z]/g, "")
      .toLowerCase() || "pt"
  }`;
}

function serviceDate(ctx: GenContext): ReturnType<typeof addDays> {
  return addDays(ctx.now, -ctx.rng.int(5, 200));
}

export function labValue(ctx: GenContext, p: Person): string {
  const t = labTestFor(ctx.rng, p);
  const v = (t.low + ctx.rng.next() * (t.high - t.low)).toFixed(t.decimals);
  return `${t.name}: ${v}${t.unit ? ` ${t.unit}` : ""}`;
}

function labReport(ctx: GenContext, p: Person): DocumentContent {
  const { rng } = ctx;
  const d = new TextDoc();
  const title = rng.pick([
    "LABORATORY REPORT",
    "Lab Results",
    "CLINICAL LABORATORY - FINAL REPORT",
    "Cumulative Lab Summary",
  ]);
  d.line(title);
  letterhead(d, ctx);
  d.line();
  d.add("Patient: ");
  w.name(d, rng, p);
  d.add("   Sex: ").line(p.sex);
  w.dob(d, rng, p);
  d.add("   ");
  w.mrn(d, rng, p);
  d.line();
  d.add("Collected: ").phi("DATE", dateVariant(serviceDate(ctx), rng), p.id);
  d.add("   Accession: ")
    .decoy("order-number", `${rng.pick(["A", "L", "Q"])}${rng.digits(9)}`)
    .line();
  d.add("Ordering provider: ");
  w.provider(d, rng, rng.pick(ctx.org.providers), rng.chance(0.5));
  d.line();
  d.line();
  d.line(rng.pick(["Test / Result / Reference", "RESULTS", "Component    Value    Flag"]));
  const n = rng.int(2, 6);
  for (let i = 0; i < n; i++) {
    d.phi("LAB_RESULT", labValue(ctx, p), p.id);
    d.line(rng.pick(["", "  H", "  L", "  (ref 4.0-5.6)", "  *", "  normal"]));
  }
  if (rng.chance(0.5)) {
    const dx = diagnosisFor(rng, p);
    d.add("Clinical indication: ")
      .phi("DIAGNOSIS", dx.name, p.id)
      .add(" (")
      .phi("ICD_CODE", dx.icd, p.id)
      .line(")");
  }
  d.line();
  d.line(roughen("Results reviewed electronically. Please contact the laboratory with any questions.", rng));
  return { title, stem: stemOf(p, rng.pick(["lab_results", "labs", "LabReport", "results"])), doc: d };
}

function dischargeSummary(ctx: GenContext, p: Person): DocumentContent {
  const { rng } = ctx;
  const d = new TextDoc();
  const title = rng.pick([
    "DISCHARGE SUMMARY",
    "Discharge Summary",
    "Hospital Course and Discharge Instructions",
  ]);
  d.line(title);
  letterhead(d, ctx);
  d.line();
  d.add("Name: ");
  w.name(d, rng, p);
  d.line();
  w.dob(d, rng, p);
  d.add("  ");
  w.mrn(d, rng, p);
  d.line();
  const admit = serviceDate(ctx);
  d.add("Admitted: ").phi("DATE", dateVariant(admit, rng), p.id);
  d.add("  Discharged: ")
    .phi("DATE", dateVariant(addDays(admit, rng.int(1, 9)), rng), p.id)
    .line();
  d.add("Attending: ");
  w.provider(d, rng, rng.pick(ctx.org.providers));
  d.line();
  d.line();
  const dx = diagnosisFor(rng, p);
  d.add("Principal diagnosis: ").phi("DIAGNOSIS", rng.chance(0.7) ? dx.name : rng.pick(dx.aliases), p.id);
  d.add(" ").phi("ICD_CODE", dx.icd, p.id).line();
  if (rng.chance(0.6)) {
    const dx2 = diagnosisFor(rng, p);
    d.add("Secondary: ").phi("DIAGNOSIS", dx2.name, p.id).line();
  }
  if (rng.chance(0.6)) {
    const pr = rng.pick(PROCEDURES);
    d.add("Procedure: ")
      .phi("PROCEDURE", pr.name, p.id)
      .add(" (CPT ")
      .phi("CPT_CODE", pr.cpt, p.id)
      .line(")");
  }
  d.line();
  d.line(rng.pick(["Discharge medications:", "MEDICATIONS AT DISCHARGE", "Meds:"]));
  for (const m of rng.sample(MEDICATIONS, rng.int(1, 4))) {
    d.add(" - ")
      .phi("MEDICATION", m, p.id)
      .line(rng.pick([" daily", " twice daily", " as needed", " at bedtime", ""]));
  }
  d.line();
  d.add(
    roughen(
      rng.pick([
        "Hospital course: patient tolerated treatment well and was discharged home",
        "Course uncomplicated; discharged to home with services",
        "Pt improved and was discharged in stable condition",
      ]),
      rng,
    ),
  );
  d.line(".");
  d.add("Discharge address: ");
  w.address(d, rng, p);
  d.line();
  d.add("Follow up in ")
    .add(rng.pick(["1 week", "2 weeks", "10 days", "one month"]))
    .add(". Contact: ");
  w.phone(d, rng, p, false);
  d.line();
  return { title, stem: stemOf(p, rng.pick(["discharge_summary", "DC_summary", "discharge"])), doc: d };
}

function referralLetter(ctx: GenContext, p: Person): DocumentContent {
  const { rng } = ctx;
  const d = new TextDoc();
  const to = rng.pick(ctx.org.providers);
  const from = rng.pick(ctx.org.providers);
  const title = rng.pick(["Referral Letter", "REFERRAL", "Consultation Request"]);
  d.line(title);
  letterhead(d, ctx);
  d.line();
  d.add(rng.pick(["Dear ", "Dear Dr. ", "To: "]));
  d.phi("PROVIDER_NAME", to.name).line(",");
  d.line();
  d.add(rng.pick(["Re: ", "RE: ", "Patient: "]));
  w.identity(d, rng, p);
  d.line();
  d.line();
  const dx = diagnosisFor(rng, p);
  d.add(
    roughen(
      rng.pick([
        "I am referring the above patient to you for evaluation of ",
        "Thank you for seeing this patient regarding ",
        "Kindly evaluate and treat for ",
      ]),
      rng,
    ),
  );
  d.phi("DIAGNOSIS", rng.chance(0.5) ? dx.name.toLowerCase() : rng.pick(dx.aliases), p.id);
  if (rng.chance(0.5)) d.add(" (ICD-10 ").phi("ICD_CODE", dx.icd, p.id).add(")");
  d.add(". ");
  if (rng.chance(0.7)) {
    d.add(
      rng
        .pick(["Current medications include ", "She is taking ", "Currently on "])
        .replace("She", p.sex === "F" ? "She" : "He"),
    );
    d.phi("MEDICATION", rng.pick(MEDICATIONS), p.id)
      .add(" and ")
      .phi("MEDICATION", rng.pick(MEDICATIONS), p.id)
      .add(". ");
  }
  d.line();
  d.line();
  d.add("Insurance: ");
  w.insurance(d, rng, p);
  d.line();
  d.add("Address: ");
  w.address(d, rng, p);
  d.line();
  d.add("Phone: ");
  w.phone(d, rng, p, false);
  d.line();
  d.line();
  d.line(rng.pick(["Sincerely,", "Thank you,", "Best regards,"]));
  w.provider(d, rng, from, true);
  d.line();
  return { title, stem: stemOf(p, rng.pick(["referral", "Referral_Letter", "consult_request"])), doc: d };
}

function denialLetter(ctx: GenContext, p: Person): DocumentContent {
  const { rng } = ctx;
  const d = new TextDoc();
  const title = rng.pick([
    "EXPLANATION OF BENEFITS - CLAIM DENIAL",
    "Notice of Claim Denial",
    "Adverse Benefit Determination",
  ]);
  d.line(title);
  d.line(p.insurer ?? "Health Plan");
  d.line();
  d.add("Member: ");
  w.name(d, rng, p);
  d.line();
  d.add("Member ID: ");
  if (p.mbi) d.phi("MEDICARE_ID", p.mbi, p.id);
  else if (p.memberId) d.phi("HEALTH_PLAN_ID", p.memberId, p.id);
  else d.add("N/A");
  d.line();
  d.add("Claim number: ")
    .decoy("invoice-id", `${rng.digits(4)}${rng.pick(["E", "X", "C"])}${rng.digits(8)}`)
    .line();
  d.add("Date of service: ")
    .phi("DATE", dateVariant(serviceDate(ctx), rng), p.id)
    .line();
  const pr = rng.pick(PROCEDURES);
  d.add("Service: ").phi("PROCEDURE", pr.name, p.id).add(" ").phi("CPT_CODE", pr.cpt, p.id).line();
  const dx = diagnosisFor(rng, p);
  d.add("Diagnosis code: ").phi("ICD_CODE", dx.icd, p.id).line();
  d.line();
  d.line(
    roughen(
      rng.pick([
        "This claim was denied because prior authorization was not obtained before the service was rendered.",
        "The service is not covered under the member's current benefit plan.",
        "Documentation submitted does not support medical necessity for the billed service.",
        "Claim denied: timely filing limit exceeded.",
      ]),
      rng,
    ),
  );
  d.line("You may appeal this decision within 180 days of the date of this notice.");
  return { title, stem: stemOf(p, rng.pick(["EOB_denial", "denial", "claim_denial"])), doc: d };
}

function recordsRequest(ctx: GenContext, p: Person): DocumentContent {
  const { rng } = ctx;
  const d = new TextDoc();
  const title = rng.pick([
    "FAX COVER SHEET",
    "Request for Medical Records",
    "AUTHORIZATION FOR RELEASE OF INFORMATION",
  ]);
  d.line(title);
  letterhead(d, ctx);
  d.line();
  d.add("Pages: ")
    .add(String(rng.int(2, 14)))
    .add("   Date: ")
    .decoy("event-date", dateVariant(addDays(ctx.now, -rng.int(1, 60)), rng))
    .line();
  d.line();
  d.add("Patient name: ");
  w.name(d, rng, p);
  d.line();
  d.add("Date of birth: ");
  w.dob(d, rng, p, false);
  d.line();
  if (p.ssn && rng.chance(0.7)) {
    w.ssn(d, rng, p);
    d.line();
  }
  d.add("Address: ");
  w.address(d, rng, p);
  d.line();
  w.phone(d, rng, p);
  d.line();
  d.line(
    roughen(
      rng.pick([
        "Please release all records including office notes, lab results and imaging for dates of service in the past two years.",
        "Requesting records for continuity of care.",
        "Patient is transferring care; please send complete chart.",
      ]),
      rng,
    ),
  );
  d.line();
  faxNotice(d, ctx);
  return { title, stem: stemOf(p, rng.pick(["records_request", "ROI", "fax"])), doc: d };
}

function priorAuth(ctx: GenContext, p: Person): DocumentContent {
  const { rng } = ctx;
  const d = new TextDoc();
  const title = rng.pick([
    "PRIOR AUTHORIZATION REQUEST",
    "Pre-Certification Form",
    "Prior Auth Request - Outpatient",
  ]);
  d.line(title);
  d.add("Patient Name: ");
  w.name(d, rng, p);
  d.line();
  d.add("DOB: ");
  w.dob(d, rng, p, false);
  d.line();
  w.insurance(d, rng, p);
  d.line();
  const pr = rng.pick(PROCEDURES);
  d.add("Requested service: ")
    .phi("PROCEDURE", pr.name, p.id)
    .add("  CPT: ")
    .phi("CPT_CODE", pr.cpt, p.id)
    .line();
  const dx = diagnosisFor(rng, p);
  d.add("Diagnosis: ").phi("DIAGNOSIS", dx.name, p.id).add("  ICD-10: ").phi("ICD_CODE", dx.icd, p.id).line();
  d.add("Requesting provider: ");
  w.provider(d, rng, rng.pick(ctx.org.providers), true);
  d.line();
  d.add("Planned date: ")
    .phi("DATE", dateVariant(addDays(ctx.now, rng.int(-30, 30)), rng), p.id)
    .line();
  d.line(roughen("Clinical notes attached. Please fax determination to the number above.", rng));
  return { title, stem: stemOf(p, rng.pick(["prior_auth", "PA_request", "precert"])), doc: d };
}

/** A filled-in new-patient registration form: the richest single source of identifiers. */
function registrationForm(ctx: GenContext, p: Person): DocumentContent {
  const { rng } = ctx;
  const d = new TextDoc();
  const title = rng.pick([
    "PATIENT REGISTRATION FORM",
    "New Patient Information",
    "Patient Demographics / Face Sheet",
  ]);
  d.line(title);
  d.line(ctx.org.name);
  d.line();
  d.add("Last name: ").phi("PERSON_NAME", p.last, p.id).add("   First: ").phi("PERSON_NAME", p.first, p.id);
  if (p.middle) d.add("   MI: ").add(p.middle[0] ?? "");
  d.line();
  d.add("Date of birth: ");
  w.dob(d, rng, p, false);
  d.add("   Sex: ").line(p.sex);
  if (p.ssn) {
    d.add("Social Security No.: ");
    w.ssn(d, rng, p, false);
    d.line();
  }
  if (p.driversLicense && p.address) {
    d.add(`Driver's license (${p.address.state}): `).phi("DRIVERS_LICENSE", p.driversLicense, p.id).line();
  }
  d.add("Home address: ");
  w.address(d, rng, p);
  d.line();
  d.add("Phone: ");
  w.phone(d, rng, p, false);
  d.line();
  if (p.email) d.add("E-mail: ").phi("EMAIL", p.email, p.id).line();
  d.add("Insurance: ");
  w.insurance(d, rng, p);
  d.line();
  const contact = p.guarantorId
    ? ctx.population.byId.get(p.guarantorId)
    : ctx.population.outsiders.find((o) => o.relation?.endsWith(p.id));
  if (contact) {
    d.add(p.guarantorId ? "Responsible party / guarantor: " : "Emergency contact: ");
    d.phi("PERSON_NAME", `${contact.first} ${contact.last}`, contact.id);
    if (contact.phone) {
      d.add("  Phone: ");
      w.phone(d, rng, contact, false);
    }
    d.line();
  }
  d.add("Primary care provider: ");
  w.provider(d, rng, rng.pick(ctx.org.providers));
  d.line();
  d.line();
  d.line("I certify that the information above is accurate. Signature on file.");
  return { title, stem: stemOf(p, rng.pick(["registration", "face_sheet", "new_patient_form"])), doc: d };
}
