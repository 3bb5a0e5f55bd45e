import type { Attachment } from "./attachment.js";
import type { AttachmentSource } from "./attachment-source.js";
import { DEPARTMENTS, diagnosisFor, MEDICATIONS, PROCEDURES } from "./clinical.js";
import type { GenContext } from "./context.js";
import { addDays } from "./dates.js";
import { labValue } from "./documents.js";
import { bankAccount, paymentCard } from "./identifiers.js";
import { greeting, say } from "./mail-common.js";
import type { Person } from "./people.js";
import * as w from "./phi-writers.js";
import { TextDoc } from "./text-doc.js";
import { dateVariant, nameVariant } from "./variants.js";

/** The content of a new message about patients: subject, body, files. Addressing is done by the caller. */
export interface Draft {
  subject: TextDoc;
  body: TextDoc;
  attachments: Attachment[];
  /** Whether it normally goes outside the hospital (payer, lab, other provider). */
  external: boolean;
  /** The (first) patient the message is about. */
  about?: Person;
}

export type PhiKind =
  | "referral"
  | "lab-result"
  | "discharge"
  | "prior-auth"
  | "claim-denial"
  | "appointment-list"
  | "billing-dispute"
  | "patient-complaint"
  | "records-request"
  | "reschedule"
  | "nursing-handoff"
  | "bulk-export"
  | "resend"
  | "registration-packet"
  | "quick-note"
  | "phone-message"
  | "eligibility";

export const PHI_KINDS_BY_ROLE: Record<string, readonly PhiKind[]> = {
  billing: [
    "claim-denial",
    "billing-dispute",
    "billing-dispute",
    "bulk-export",
    "prior-auth",
    "resend",
    "appointment-list",
    "registration-packet",
  ],
  scheduling: [
    "appointment-list",
    "reschedule",
    "reschedule",
    "referral",
    "resend",
    "registration-packet",
    "phone-message",
  ],
  nursing: ["nursing-handoff", "lab-result", "discharge", "referral", "quick-note", "phone-message"],
  physician: ["referral", "lab-result", "discharge", "prior-auth", "quick-note"],
  "case-management": ["discharge", "prior-auth", "referral", "records-request"],
  registration: [
    "eligibility",
    "records-request",
    "reschedule",
    "patient-complaint",
    "appointment-list",
    "registration-packet",
  ],
  lab: ["lab-result", "lab-result", "resend"],
  compliance: ["patient-complaint", "records-request", "bulk-export"],
  hr: ["resend"],
  it: ["resend"],
};

type Builder = (ctx: GenContext, files: AttachmentSource, toName: string) => Promise<Draft>;

export async function buildPhiDraft(
  ctx: GenContext,
  kind: PhiKind,
  files: AttachmentSource,
  toName: string,
): Promise<Draft> {
  // Remember the first patient the builder picked: replies may add more of their data.
  let about: Person | undefined;
  const watched: GenContext = {
    ...ctx,
    pickPatient: () => {
      const p = ctx.pickPatient();
      about ??= p;
      return p;
    },
  };
  const draft = await BUILDERS[kind](watched, files, toName);
  return about ? { ...draft, about } : draft;
}

const subject = (text: string): TextDoc => new TextDoc().add(text);

/** A subject that names the patient, as staff often do ("Labs - Garcia, Maria"). */
function subjectAbout(ctx: GenContext, prefix: string, p: Person): TextDoc {
  const s = new TextDoc().add(prefix);
  if (ctx.rng.chance(0.4)) {
    s.add(ctx.rng.pick([" - ", ": ", " for ", " re "]));
    s.phi("PERSON_NAME", ctx.rng.chance(0.5) ? p.last : nameVariant(p, ctx.rng), p.id);
  }
  return s;
}

const referral: Builder = async (ctx, files, toName) => {
  const { rng } = ctx;
  const p = ctx.pickPatient();
  const body = new TextDoc();
  greeting(body, ctx, toName);
  say(body, ctx, [
    "Please see the referral below for",
    "Sending over a new referral:",
    "We have a referral for",
    "Can you get this pt scheduled -",
    "New consult request for",
  ]);
  w.identity(body, rng, p);
  body.line(".");
  const dx = diagnosisFor(rng, p);
  body.add(rng.pick(["Reason: ", "Dx: ", "Referred for ", "Indication: "]));
  body.phi("DIAGNOSIS", rng.chance(0.5) ? dx.name : rng.pick(dx.aliases), p.id);
  if (rng.chance(0.6)) {
    const open = rng.pick([" (", " - ICD ", " / "]);
    body
      .add(open)
      .phi("ICD_CODE", dx.icd, p.id)
      .add(open === " (" ? ")" : "");
  }
  body.line();
  if (rng.chance(0.6)) {
    w.insurance(body, rng, p);
    body.line();
  }
  if (rng.chance(0.7)) {
    body.add(rng.pick(["Best contact number is ", "Pt can be reached at ", "Phone: ", "call "]));
    w.phone(body, rng, p, false);
    body.line(".");
  }
  if (rng.chance(0.3)) {
    body.add("Lives at ");
    w.address(body, rng, p);
    body.line(".");
  }
  if (rng.chance(0.6)) mentionFamily(ctx, body, p);
  say(body, ctx, ["Referring provider is", "Ordered by", "From the office of"]);
  w.provider(body, rng, rng.pick(ctx.org.providers), rng.chance(0.5));
  body.line(".");
  const attachments = rng.chance(0.5) ? [await files.document("referral-letter", p)] : [];
  if (attachments.length)
    say(body, ctx, ["Referral letter attached.", "Letter is attached.", "See attached."], "\n");
  return {
    subject: subjectAbout(
      ctx,
      rng.pick(["Referral", "New referral", "Consult request", `${rng.pick(DEPARTMENTS)} referral`]),
      p,
    ),
    body,
    attachments,
    external: rng.chance(0.5),
  };
};

const labResult: Builder = async (ctx, files, toName) => {
  const { rng } = ctx;
  const p = ctx.pickPatient();
  const body = new TextDoc();
  greeting(body, ctx, toName);
  say(body, ctx, [
    "Results are back for",
    "FYI labs resulted on",
    "Critical value called for",
    "Please review the results for",
    "Lab results -",
  ]);
  w.name(body, rng, p);
  if (rng.chance(0.6)) {
    body.add(" (");
    w.dob(body, rng, p, rng.chance(0.6));
    body.add(")");
  }
  body.line(":");
  const n = rng.int(1, 4);
  for (let i = 0; i < n; i++)
    body
      .add(rng.pick(["", "- ", "  "]))
      .phi("LAB_RESULT", labValue(ctx, p), p.id)
      .line();
  if (rng.chance(0.4)) {
    body
      .add(rng.pick(["Pt is on ", "Currently taking ", "Note: on "]))
      .phi("MEDICATION", rng.pick(MEDICATIONS), p.id)
      .line(".");
  }
  say(
    body,
    ctx,
    [
      "Please advise on next steps.",
      "Let me know if you want to repeat.",
      "Dr. wants a f/u in 2 weeks.",
      "No action needed, for your records.",
    ],
    "\n",
  );
  const attachments: Attachment[] = [];
  if (rng.chance(0.55)) attachments.push(await files.document("lab-report", p));
  return {
    subject: subjectAbout(
      ctx,
      rng.pick(["Lab results", "Labs", "RESULTS", "critical value", "A1c results"]),
      p,
    ),
    body,
    attachments,
    external: rng.chance(0.3),
  };
};

const discharge: Builder = async (ctx, files, toName) => {
  const { rng } = ctx;
  const p = ctx.pickPatient();
  const body = new TextDoc();
  greeting(body, ctx, toName);
  w.name(body, rng, p);
  body.add(", ");
  w.age(body, rng, p, ctx.now);
  say(
    body,
    ctx,
    [
      ", discharged today after admission for",
      ", going home tomorrow; admitted with",
      " was d/c'd yesterday -",
      " discharged to SNF, dx",
    ],
    "",
  );
  body.add(" ");
  const dx = diagnosisFor(rng, p);
  body.phi("DIAGNOSIS", rng.pick([dx.name, ...dx.aliases]), p.id).line(".");
  if (rng.chance(0.5)) {
    body
      .add("Discharge date ")
      .phi("DATE", dateVariant(addDays(ctx.now, -rng.int(1, 90)), rng), p.id)
      .line(".");
  }
  if (rng.chance(0.6)) {
    body
      .add("New meds: ")
      .phi("MEDICATION", rng.pick(MEDICATIONS), p.id)
      .add(", ")
      .phi("MEDICATION", rng.pick(MEDICATIONS), p.id)
      .line(".");
  }
  if (rng.chance(0.5)) {
    body.add("Home address: ");
    w.address(body, rng, p);
    body.line();
  }
  if (rng.chance(0.4)) mentionFamily(ctx, body, p);
  say(
    body,
    ctx,
    [
      "Summary attached for the PCP.",
      "DC summary attached.",
      "See attached discharge paperwork.",
      "Please arrange home health.",
    ],
    "\n",
  );
  const attachments = rng.chance(0.7) ? [await files.document("discharge-summary", p)] : [];
  return {
    subject: subjectAbout(
      ctx,
      rng.pick(["Discharge", "DC summary", "Discharge planning", "Transition of care"]),
      p,
    ),
    body,
    attachments,
    external: rng.chance(0.4),
  };
};

const priorAuth: Builder = async (ctx, files, toName) => {
  const { rng } = ctx;
  const p = ctx.pickPatient();
  const body = new TextDoc();
  greeting(body, ctx, toName);
  say(body, ctx, [
    "Requesting prior authorization for",
    "Please find the PA request for",
    "Following up on the auth for",
    "Auth needed asap for",
  ]);
  w.identity(body, rng, p);
  body.line(".");
  w.insurance(body, rng, p);
  body.line();
  const pr = rng.pick(PROCEDURES);
  body.add(rng.pick(["Service: ", "Procedure requested: ", "For "])).phi("PROCEDURE", pr.name, p.id);
  const open = rng.pick([" CPT ", " (", " - "]);
  body
    .add(open)
    .phi("CPT_CODE", pr.cpt, p.id)
    .line(open === " (" ? ")" : "");
  const dx = diagnosisFor(rng, p);
  body.add("Dx ").phi("ICD_CODE", dx.icd, p.id).add(" ").phi("DIAGNOSIS", dx.name, p.id).line();
  body.add("Provider: ");
  w.provider(body, rng, rng.pick(ctx.org.providers), true);
  body.line();
  say(body, ctx, ["Reference number for the call was", "Ref #", "Case #"], "");
  body
    .add(" ")
    .decoy("ticket-number", `${rng.digits(3)}-${rng.digits(3)}-${rng.digits(4)}`)
    .line(".");
  const attachments = rng.chance(0.6) ? [await files.document("prior-auth", p)] : [];
  return {
    subject: subjectAbout(ctx, rng.pick(["Prior auth", "PA request", "Precert", "Auth status"]), p),
    body,
    attachments,
    external: true,
  };
};

const claimDenial: Builder = async (ctx, files, toName) => {
  const { rng } = ctx;
  const body = new TextDoc();
  greeting(body, ctx, toName);
  say(
    body,
    ctx,
    [
      "The following claims came back denied:",
      "We received denials on these accounts:",
      "Can you look at these denials?",
      "More denials from the payer this week:",
    ],
    "\n",
  );
  const n = rng.int(2, 5);
  const patients: Person[] = [];
  for (let i = 0; i < n; i++) {
    const p = ctx.pickPatient();
    patients.push(p);
    body.add(rng.pick(["- ", "* ", `${i + 1}. `, ""]));
    w.name(body, rng, p);
    body.add(rng.pick([" acct ", " / ", ", MRN "]));
    if (p.inIndex) body.phi("MRN", p.id, p.id);
    body.add(" claim ").decoy("invoice-id", `${rng.digits(2)}${rng.digits(9)}`);
    body.add(" DOS ").phi("DATE", dateVariant(addDays(ctx.now, -rng.int(20, 200)), rng), p.id);
    if (rng.chance(0.5)) body.add(" CPT ").phi("CPT_CODE", rng.pick(PROCEDURES).cpt, p.id);
    body.line(rng.pick([" - CO-197", " - no auth", " - timely filing", " - CO-16 missing info", ""]));
  }
  const attachments: Attachment[] = [];
  if (rng.chance(0.4)) attachments.push(await files.document("denial-letter", patients[0]!));
  if (rng.chance(0.3)) attachments.push(await files.sheet(patients));
  return {
    subject: subject(
      rng.pick(["Denials", "denied claims", "Re-bill needed", "CO-197 denials", "Denial worklist"]),
    ),
    body,
    attachments,
    external: rng.chance(0.3),
  };
};

const appointmentList: Builder = async (ctx, files, toName) => {
  const { rng } = ctx;
  const body = new TextDoc();
  greeting(body, ctx, toName);
  const count = rng.chance(0.2) ? rng.int(100, 300) : rng.int(10, 60);
  const patients = uniquePatients(ctx, count);
  say(
    body,
    ctx,
    [
      "Attached is the list for",
      "Here's the schedule for",
      "Please call everyone on the attached list for",
      "Updated worklist attached for",
    ],
    "",
  );
  body
    .add(" ")
    .decoy("event-date", dateVariant(addDays(ctx.now, rng.int(-10, 10)), rng))
    .line(".");
  if (rng.chance(0.5)) {
    say(body, ctx, ["Watch out for", "Note:", "Priority:"]);
    const p = patients[0]!;
    w.name(body, rng, p);
    say(
      body,
      ctx,
      [" needs an interpreter.", " has a balance.", " is a no-show risk.", " needs a wheelchair."],
      "\n",
    );
  }
  const attachments = [await files.sheet(patients)];
  return {
    subject: subject(
      rng.pick(["Appointment list", "Tomorrow's schedule", "Reminder calls", "Worklist", "Clinic schedule"]),
    ),
    body,
    attachments,
    external: false,
  };
};

const billingDispute: Builder = async (ctx, files, toName) => {
  const { rng } = ctx;
  const p = ctx.pickPatient();
  const guarantor = p.guarantorId ? ctx.population.byId.get(p.guarantorId) : undefined;
  const payer = guarantor ?? p;
  const body = new TextDoc();
  greeting(body, ctx, toName);
  if (guarantor) {
    w.name(body, rng, guarantor);
    say(
      body,
      ctx,
      [
        " called about the bill for",
        " (guarantor) is disputing charges for",
        " is upset about the statement for",
      ],
      "",
    );
    body.add(" ");
    w.name(body, rng, p);
    body.add(" (");
    w.dob(body, rng, p, false);
    body.line(").");
  } else {
    w.name(body, rng, p);
    say(
      body,
      ctx,
      [
        " called disputing the balance on",
        " says the statement is wrong for the visit on",
        " wants a refund for",
      ],
      "",
    );
    body
      .add(" ")
      .phi("DATE", dateVariant(addDays(ctx.now, -rng.int(30, 300)), rng), p.id)
      .line(".");
  }
  if (rng.chance(0.6)) {
    say(body, ctx, ["Card on file:", "Pay with card", "They gave a card number:"]);
    body.phi("PAYMENT_CARD", groupCard(paymentCard(rng), rng), payer.id);
    body
      .add(rng.pick([" exp ", " exp. "]))
      .add(`${rng.int(1, 12)}/${rng.int(26, 30)}`)
      .line(".");
  } else {
    say(body, ctx, ["They want to set up ACH from account", "Bank acct for autopay:", "Routing/acct given:"]);
    body.phi("BANK_ACCOUNT", bankAccount(rng), payer.id).line(".");
  }
  body.add("Mailing address: ");
  w.address(body, rng, payer);
  body.line();
  w.phone(body, rng, payer);
  body.line();
  if (payer.email && rng.chance(0.8))
    body
      .add(rng.pick(["Email ", "email: ", "Send receipt to "]))
      .phi("EMAIL", payer.email, payer.id)
      .line();
  say(body, ctx, ["Invoice", "Statement #", "Ref"], "");
  body
    .add(" ")
    .decoy("invoice-id", `INV-${rng.digits(7)}`)
    .line(".");
  const attachments = rng.chance(0.25) ? [await files.document("denial-letter", p)] : [];
  return {
    subject: subject(
      rng.pick([
        "Billing dispute",
        "Balance question",
        "Patient called re: bill",
        "Refund request",
        "Payment plan",
      ]),
    ),
    body,
    attachments,
    external: false,
  };
};

const patientComplaint: Builder = async (ctx, _files, toName) => {
  const { rng } = ctx;
  const p = ctx.pickPatient();
  const relative = ctx.population.outsiders.find(
    (o) => o.relation?.endsWith(p.id) && !o.relation.startsWith("guarantor"),
  );
  const writer = relative && rng.chance(0.7) ? relative : p;
  const body = new TextDoc();
  greeting(body, ctx, toName);
  say(
    body,
    ctx,
    [
      "Forwarding a complaint we received through the portal.",
      "Please see the patient complaint below.",
      "Complaint from the website form, please review.",
    ],
    "\n\n",
  );
  body.line("-----Original Message-----");
  body.add("From: ");
  body.phi("PERSON_NAME", `${writer.first} ${writer.last}`, writer.id);
  if (writer.email) body.add(" <").phi("EMAIL", writer.email, writer.id).add(">");
  body.line().line();
  if (writer !== p) {
    body
      .add("My ")
      .add(
        writer.relation?.split(" ")[0] === "spouse"
          ? "spouse"
          : rng.pick(["mother", "father", "dad", "mom", "husband", "wife"]),
      );
    body.add(" ");
    body.phi("PERSON_NAME", `${p.first} ${p.last}`, p.id);
    body.add(" was seen in your ");
  } else {
    body.add("I was seen in your ");
  }
  body
    .add(rng.pick(DEPARTMENTS))
    .add(" on ")
    .phi("DATE", dateVariant(addDays(ctx.now, -rng.int(3, 60)), rng), p.id);
  body
    .add(rng.pick([" for ", " because of ", " with "]))
    .phi("DIAGNOSIS", diagnosisFor(rng, p).aliases[0] ?? "pain", p.id);
  say(
    body,
    ctx,
    [
      ". We waited four hours and nobody explained anything.",
      ". The bill I got is wrong and no one calls back.",
      ". The nurse was rude and the discharge instructions were never given.",
      ". My prescription was never sent to the pharmacy!!",
    ],
    "\n",
  );
  body.add("You can reach me at ");
  w.phone(body, rng, writer, false);
  body.line(".");
  return {
    subject: subject(
      rng.pick(["Patient complaint", "FW: Complaint", "Grievance - please review", "Portal message"]),
    ),
    body,
    attachments: [],
    external: false,
  };
};

const recordsRequest: Builder = async (ctx, files, toName) => {
  const { rng } = ctx;
  const p = ctx.pickPatient();
  const body = new TextDoc();
  greeting(body, ctx, toName);
  say(body, ctx, [
    "Attached is a records request for",
    "We got a fax requesting records on",
    "ROI request received for",
    "Please process the attached authorization for",
  ]);
  w.name(body, rng, p);
  body.line(".");
  if (p.ssn && rng.chance(0.3)) {
    body.add("They verified with ");
    w.ssn(body, rng, p, true);
    body.line(".");
  }
  say(body, ctx, ["Fax came in at", "Received"], "");
  body
    .add(" ")
    .decoy(
      "timestamp",
      `${rng.int(1, 12)}:${String(rng.int(0, 59)).padStart(2, "0")} ${rng.pick(["AM", "PM"])}`,
    )
    .line(".");
  const attachments = [await files.document("records-request", p)];
  return {
    subject: subject(rng.pick(["Records request", "ROI", "Fax: records request", "Scan from MFP"])),
    body,
    attachments,
    external: false,
  };
};

const reschedule: Builder = async (ctx, _files, toName) => {
  const { rng } = ctx;
  const p = ctx.pickPatient();
  const body = new TextDoc();
  greeting(body, ctx, toName);
  say(body, ctx, ["Can you reschedule", "Need to move", "Pt called to cancel -", "Please call"], "");
  body.add(" ");
  w.name(body, rng, p);
  if (rng.chance(0.6)) {
    body.add(" (");
    w.dob(body, rng, p, rng.chance(0.5));
    body.add(")");
  }
  body.add(rng.pick([" from ", " - appt on ", ", appointment "]));
  body.phi("DATE", dateVariant(addDays(ctx.now, rng.int(-5, 30)), rng), p.id);
  say(body, ctx, [". Callback", ". Her number is", ". Best #", ". ph"], "");
  body.add(" ");
  w.phone(body, rng, p, false);
  body.line(".");
  if (rng.chance(0.7)) mentionFamily(ctx, body, p);
  if (rng.chance(0.3)) {
    body
      .add(p.sex === "F" ? "She is coming in for " : "He is coming in for ")
      .phi("PROCEDURE", rng.pick(PROCEDURES).name, p.id)
      .line(".");
  }
  say(body, ctx, ["Thanks!", "Team meeting moved too, see invite.", "ty"], "\n");
  return {
    subject: subject(rng.pick(["Reschedule", "cancel/resched", "Appt change", "Please call pt"])),
    body,
    attachments: [],
    external: false,
  };
};

const nursingHandoff: Builder = async (ctx, _files, toName) => {
  const { rng } = ctx;
  const body = new TextDoc();
  greeting(body, ctx, toName);
  say(
    body,
    ctx,
    [
      "Handoff for tonight:",
      "Quick update on our patients:",
      "Census notes for the unit:",
      "For the morning huddle:",
    ],
    "\n",
  );
  const n = rng.int(2, 4);
  for (let i = 0; i < n; i++) {
    const p = ctx.pickPatient();
    body.add(`Rm ${rng.int(401, 460)}${rng.pick(["A", "B", ""])} `);
    w.name(body, rng, p);
    body.add(" ");
    w.age(body, rng, p, ctx.now);
    body.add(" ");
    const dx = diagnosisFor(rng, p);
    body.phi("DIAGNOSIS", rng.pick(dx.aliases), p.id).add(", ");
    body.phi("MEDICATION", rng.pick(MEDICATIONS), p.id);
    body.line(
      rng.pick([
        ", stable.",
        ", fall risk.",
        ", NPO after midnight.",
        ", family at bedside.",
        "; labs pending.",
      ]),
    );
    if (rng.chance(0.3)) mentionFamily(ctx, body, p);
  }
  return {
    subject: subject(rng.pick(["Handoff", "Shift report", "Unit census", "Huddle notes"])),
    body,
    attachments: [],
    external: false,
  };
};

const bulkExport: Builder = async (ctx, files, toName) => {
  const { rng } = ctx;
  const body = new TextDoc();
  greeting(body, ctx, toName);
  say(
    body,
    ctx,
    [
      "Zipped the files you asked for.",
      "Here are the exports for the audit.",
      "Attached is everything for the vendor.",
      "All the docs are in the zip.",
    ],
    "\n",
  );
  say(
    body,
    ctx,
    [
      "Password to follow in a separate email.",
      "Let me know if anything is missing.",
      "Please delete after review.",
    ],
    "\n",
  );
  const patients = uniquePatients(ctx, rng.int(8, 40));
  return {
    subject: subject(rng.pick(["Files", "Export", "Audit documents", "Requested documents"])),
    body,
    attachments: [await files.bundle(patients)],
    external: rng.chance(0.5),
  };
};

const resend: Builder = async (ctx, files, toName) => {
  const { rng } = ctx;
  const body = new TextDoc();
  greeting(body, ctx, toName);
  const again = files.resend();
  say(
    body,
    ctx,
    [
      "Resending this, it didn't go through the first time.",
      "Sending again per your request.",
      "Not sure if you got this one, attaching again.",
      "See attached (again).",
    ],
    "\n",
  );
  return {
    subject: subject(rng.pick(["resend", "Attached again", "as requested", "File"])),
    body,
    attachments: again ? [again] : [],
    external: rng.chance(0.3),
  };
};

const registrationPacket: Builder = async (ctx, files, toName) => {
  const { rng } = ctx;
  const p = ctx.pickPatient();
  const body = new TextDoc();
  greeting(body, ctx, toName);
  say(body, ctx, [
    "New patient paperwork for",
    "Scanned the registration packet for",
    "Attached is the face sheet for",
    "Intake forms for",
  ]);
  w.name(body, rng, p);
  body.line(".");
  if (p.driversLicense && rng.chance(0.5)) {
    body
      .add(rng.pick(["ID checked: DL ", "Verified with driver's license ", "License # "]))
      .phi("DRIVERS_LICENSE", p.driversLicense, p.id)
      .line(".");
  }
  if (p.email && rng.chance(0.5)) {
    body
      .add(rng.pick(["Portal invite sent to ", "Email on file: ", "Pt email "]))
      .phi("EMAIL", p.email, p.id)
      .line();
  }
  say(
    body,
    ctx,
    ["Please add to the chart.", "Insurance card copy is in the packet.", "Can you verify eligibility?"],
    "\n",
  );
  return {
    subject: subjectAbout(ctx, rng.pick(["New patient packet", "Registration", "Scan", "Intake forms"]), p),
    body,
    attachments: [await files.document("registration-form", p)],
    external: false,
  };
};

/** A "while you were out" phone message: narrative, first names, times that are not PHI. */
const phoneMessage: Builder = async (ctx, _files, toName) => {
  const { rng } = ctx;
  const p = ctx.pickPatient();
  const she = p.sex === "F" ? "she" : "he";
  const her = p.sex === "F" ? "her" : "his";
  const body = new TextDoc();
  greeting(body, ctx, toName);
  body.add(rng.pick(["While you were out: ", "Phone message - ", "Voicemail from ", "Call received: "]));
  w.name(body, rng, p);
  body.add(" called at ").decoy("timestamp", `${rng.int(8, 16)}:${String(rng.int(0, 59)).padStart(2, "0")}`);
  body.add(rng.pick([" about ", " asking about ", " re: ", " with questions on "]));
  if (rng.chance(0.5)) body.add(`${her} `).phi("PROCEDURE", rng.pick(PROCEDURES).name.toLowerCase(), p.id);
  else
    body
      .phi("DIAGNOSIS", rng.pick(diagnosisFor(rng, p).aliases), p.id)
      .add(rng.pick([" meds", " follow-up", " results"]));
  body.line(".");
  body.add(`${rng.pick(["Verified identity with DOB", "Confirmed DOB", "DOB given as"])} `);
  w.dob(body, rng, p, false);
  body.line(".");
  body.add(
    `${she[0]!.toUpperCase()}${she.slice(1)} ${rng.pick(["is worried", "says the pain is worse", "ran out of", "can't make the appointment", "wants a call back"])}`,
  );
  if (rng.chance(0.4)) body.add(" - ").phi("MEDICATION", rng.pick(MEDICATIONS), p.id);
  body.line(".");
  if (rng.chance(0.3)) mentionFamily(ctx, body, p);
  body.add(rng.pick(["Told ", "Let ", "Asked "]));
  // People are often referred to by first name alone once introduced.
  body.phi("PERSON_NAME", p.first, p.id);
  body.add(rng.pick([" we'd call back today", " know someone will call", " to hold for the nurse"]));
  if (p.phone) {
    body.add(rng.pick([" at ", " on ", ": "]));
    w.phone(body, rng, p, false);
  }
  body.line(".");
  return {
    subject: subject(rng.pick(["Phone message", "Call back please", "VM", "pt called"])),
    body,
    attachments: [],
    external: false,
  };
};

/** A terse note between clinicians, abbreviations and all. */
const quickNote: Builder = async (ctx) => {
  const { rng } = ctx;
  const p = ctx.pickPatient();
  const body = new TextDoc();
  body.add(rng.pick(["pls call pt ", "can u see ", "FYI - ", "heads up, ", "need an order for "]));
  w.name(body, rng, p);
  body.add(rng.pick([" re: ", " - ", ", "]));
  if (rng.chance(0.5)) {
    body.phi("LAB_RESULT", labValue(ctx, p), p.id);
  } else {
    const dx = diagnosisFor(rng, p);
    body.phi("DIAGNOSIS", rng.pick(dx.aliases), p.id);
  }
  if (p.phone && rng.chance(0.6)) {
    body.add(rng.pick([". cell ", ". # ", ", ph "]));
    w.phone(body, rng, p, false);
  }
  body.line(rng.pick(["", " thx", " ty", " asap", "."]));
  return {
    subject: subject(rng.pick(["quick q", "pt call", "?", "FYI", "order needed"])),
    body,
    attachments: [],
    external: false,
  };
};

/** Eligibility and benefits check with the payer: plan identifiers in bulk. */
const eligibility: Builder = async (ctx, files, toName) => {
  const { rng } = ctx;
  const body = new TextDoc();
  greeting(body, ctx, toName);
  say(
    body,
    ctx,
    [
      "Please verify eligibility for the following members:",
      "Can you run benefits checks on these?",
      "Eligibility requests for next week's surgeries:",
    ],
    "\n",
  );
  const patients = uniquePatients(ctx, rng.int(2, 6));
  for (const p of patients) {
    body.add(rng.pick(["- ", "", "* "]));
    w.name(body, rng, p);
    body.add(rng.pick([" | ", ", ", " - "]));
    w.dob(body, rng, p, rng.chance(0.5));
    body.add(rng.pick([" | ", ", ", " - "]));
    w.insurance(body, rng, p);
    body.line();
  }
  const attachments = rng.chance(0.3) ? [await files.sheet(patients)] : [];
  return {
    subject: subject(
      rng.pick(["Eligibility check", "Benefits verification", "EV request", "Insurance verification"]),
    ),
    body,
    attachments,
    external: rng.chance(0.6),
  };
};

const BUILDERS: Record<PhiKind, Builder> = {
  "quick-note": quickNote,
  "phone-message": phoneMessage,
  eligibility,
  "registration-packet": registrationPacket,
  referral,
  "lab-result": labResult,
  discharge,
  "prior-auth": priorAuth,
  "claim-denial": claimDenial,
  "appointment-list": appointmentList,
  "billing-dispute": billingDispute,
  "patient-complaint": patientComplaint,
  "records-request": recordsRequest,
  reschedule,
  "nursing-handoff": nursingHandoff,
  "bulk-export": bulkExport,
  resend,
};

/** Mentions the parent/guarantor of a minor or a relative: people outside the patient index. */
function mentionFamily(ctx: GenContext, body: TextDoc, p: Person): void {
  const { rng } = ctx;
  const other = p.guarantorId
    ? ctx.population.byId.get(p.guarantorId)
    : ctx.population.outsiders.find((o) => o.relation?.endsWith(p.id));
  if (!other) return;
  const role = other.relation?.split(" ")[0] ?? "contact";
  body.add(
    rng.pick([
      `${role === "guarantor" ? "Parent/guarantor" : `Pt's ${role}`}: `,
      "Contact ",
      "Emergency contact: ",
      "Spoke with ",
    ]),
  );
  w.name(body, rng, other);
  if (other.phone) {
    body.add(rng.pick([" at ", ", ", " - "]));
    w.phone(body, rng, other, false);
  }
  body.line(".");
}

export function uniquePatients(ctx: GenContext, count: number): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  for (let tries = 0; out.length < count && tries < count * 4; tries++) {
    const p = ctx.pickPatient();
    if (!seen.has(p.id)) {
      seen.add(p.id);
      out.push(p);
    }
  }
  return out;
}

function groupCard(digits: string, rng: import("./random.js").Random): string {
  if (rng.chance(0.4)) return digits;
  return digits.replace(/(\d{4})(?=\d)/g, rng.pick(["$1 ", "$1-"]));
}
