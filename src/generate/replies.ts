import { MEDICATIONS } from "./clinical.js";
import type { GenContext } from "./context.js";
import { addDays } from "./dates.js";
import { signature } from "./mail-common.js";
import type { MailAddress } from "./mime.js";
import type { Outgoing } from "./outgoing.js";
import type { Person } from "./people.js";
import * as w from "./phi-writers.js";
import { externalAddress, type Staff } from "./staff.js";
import { TextDoc } from "./text-doc.js";
import type { ThreadPool } from "./threads.js";
import { dateVariant, roughen } from "./variants.js";

function prefixed(prefix: string, subject: TextDoc): TextDoc {
  const s = subject.toString();
  const already = /^(re|fw|fwd):/i.test(s);
  return new TextDoc().add(already ? "" : prefix).append(subject);
}

const REPLIES = [
  "Thanks, got it.",
  "Will do.",
  "Can you send me the DOB too? I can't find the chart.",
  "Done - scheduled.",
  "This was already taken care of yesterday.",
  "Please don't send full SSNs over email, use the secure portal next time.",
  "Looping in the right person.",
  "Approved.",
  "Called the patient, left a voicemail.",
  "I'll look into it and get back to you by end of day.",
  "Which account is this under?",
  "ok",
  "Got it, thank you!",
  "Can you resend? The attachment didn't come through.",
  "Adding billing so they can fix the account.",
  "I spoke with the family this morning.",
  "Per our conversation, please hold the claim until we hear back.",
  "Not my patient - forwarding to the right team.",
  "thx will review tmrw",
  "Appeal submitted.",
  "Authorization is still pending with the payer.",
  "Chart updated.",
  "Please use the patient's preferred name going forward.",
  "Sorry for the delay, was out sick.",
  "From what I can tell the claim was never submitted.",
  "From now on please send these through the secure portal.",
];

/** Replies often add one more detail about the patient the thread is about. */
function replyDetail(ctx: GenContext, body: TextDoc, p: Person): void {
  const { rng } = ctx;
  switch (rng.int(0, 5)) {
    case 0:
      body.add(
        rng
          .pick(["DOB is ", "Her DOB: ", "dob ", "Birthdate on file is "])
          .replace("Her", p.sex === "F" ? "Her" : "His"),
      );
      w.dob(body, rng, p, false);
      break;
    case 1:
      if (!p.phone) return;
      body.add(rng.pick(["New phone number: ", "Updated cell ", "Best callback is "]));
      w.phone(body, rng, p, false);
      break;
    case 2:
      body.add(rng.pick(["Rescheduled to ", "New appt date ", "Booked for "]));
      body.phi("DATE", dateVariant(addDays(ctx.now, rng.int(2, 40)), rng), p.id);
      break;
    case 3:
      body.add(
        rng
          .pick(["Pharmacy says she is on ", "Also on ", "Med list includes "])
          .replace("she", p.sex === "F" ? "she" : "he"),
      );
      body.phi("MEDICATION", rng.pick(MEDICATIONS), p.id);
      break;
    case 4:
      w.mrn(body, rng, p);
      break;
    default:
      body.add("Insurance: ");
      w.insurance(body, rng, p);
  }
  body.line(".");
}

export function reply(ctx: GenContext, staff: Staff[], threads: ThreadPool): Outgoing | undefined {
  const { rng } = ctx;
  const t = threads.take(rng.int(0, threads.size - 1));
  if (!t || t.depth > 6) return undefined;
  const sender = t.lastToStaff.length ? rng.pick(t.lastToStaff) : undefined;
  if (!sender) return undefined;
  const body = new TextDoc();
  body.line(roughen(rng.pick(REPLIES), rng));
  if (t.about && rng.chance(0.4)) replyDetail(ctx, body, t.about);
  signature(body, ctx, sender);
  body.line();
  if (rng.chance(0.5)) {
    body.line("-----Original Message-----");
    body.line(`From: ${plainAddress(t.lastFrom)}`);
    body.line(`Sent: ${t.lastDate}`);
    body.line(`To: ${t.lastTo.map(plainAddress).join("; ")}`);
    body.line(`Subject: ${t.subject.toString()}`);
    body.line();
    body.append(t.lastBody);
  } else {
    body.line(`On ${t.lastDate}, ${plainAddress(t.lastFrom)} wrote:`);
    body.append(t.lastBody, "> ");
  }
  const toStaff = t.lastFromStaff && t.lastFromStaff !== sender ? [t.lastFromStaff] : [];
  void staff;
  return {
    from: sender.address,
    fromStaff: sender,
    to: [t.lastFrom],
    toStaff,
    cc: [],
    ccStaff: [],
    subject: prefixed("RE: ", t.subject),
    about: t.about,
    body,
    attachments: [],
    inReplyTo: t.messageIds[t.messageIds.length - 1],
    references: t.messageIds,
  };
}

export function forward(ctx: GenContext, staff: Staff[], threads: ThreadPool): Outgoing | undefined {
  const { rng, org } = ctx;
  const t = threads.take(rng.int(0, threads.size - 1));
  if (!t) return undefined;
  const sender = t.lastToStaff.length ? rng.pick(t.lastToStaff) : t.lastFromStaff;
  if (!sender) return undefined;
  const others = staff.filter((s) => s !== sender);
  const external = !others.length || rng.chance(0.25);
  const toStaff = external ? [] : [rng.pick(others)];
  const to = external
    ? [rng.chance(0.3) ? personalAddress(ctx, sender) : externalAddress(rng, org)]
    : toStaff.map((s) => s.address);
  const body = new TextDoc();
  body.line(
    roughen(
      rng.pick([
        "FYI",
        "Please see below.",
        "Can you handle this one?",
        "Forwarding for your records.",
        "See below - thoughts?",
        "sending to my personal so I can work on it from home",
      ]),
      rng,
    ),
  );
  signature(body, ctx, sender);
  const subject = new TextDoc().add("FW: ").append(t.subject);
  if (t.source && rng.chance(0.35)) {
    return {
      from: sender.address,
      fromStaff: sender,
      to,
      toStaff,
      cc: [],
      ccStaff: [],
      subject,
      body,
      attachments: [],
      forwardedSource: {
        name: `${
          t.subject
            .toString()
            .replace(/[^\w .-]/g, "")
            .slice(0, 60) || "message"
        }.eml`,
        source: t.source,
        body: t.lastBody,
      },
    };
  }
  body.line();
  body.line("---------- Forwarded message ---------");
  body.line(`From: ${plainAddress(t.lastFrom)}`);
  body.line(`Date: ${t.lastDate}`);
  body.line(`Subject: ${t.subject.toString()}`);
  body.line(`To: ${t.lastTo.map(plainAddress).join(", ")}`);
  body.line();
  body.append(t.lastBody);
  return {
    from: sender.address,
    fromStaff: sender,
    to,
    toStaff,
    cc: [],
    ccStaff: [],
    subject,
    body,
    attachments: t.attachments,
    about: t.about,
  };
}

/** Staff forwarding work to a personal account: a common way PHI leaves. */
function personalAddress(ctx: GenContext, s: Staff): MailAddress {
  const local = s.email.split("@")[0] ?? "user";
  return {
    name: s.name,
    email: `${local}${ctx.rng.int(1, 99)}@${ctx.rng.pick(["gmail.com", "yahoo.com", "outlook.com"])}`,
  };
}

function plainAddress(a: MailAddress): string {
  return a.name ? `${a.name} <${a.email}>` : a.email;
}
