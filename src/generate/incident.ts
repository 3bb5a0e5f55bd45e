import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Attachment, AttachmentSpan, TextKind } from "./attachment.js";
import type { AttachmentSource } from "./attachment-source.js";
import { type AccessedItem, type Compromise, guid, renderAuditLog } from "./audit-log.js";
import { DEPARTMENTS, MEDICATIONS } from "./clinical.js";
import type { GenContext } from "./context.js";
import { addDays, easternOffset, isoDate, msToYmd, rfc2822, ymdToMs } from "./dates.js";
import { DOCUMENT_KINDS } from "./documents.js";
import { ADMIN_KINDS, buildAdminDraft } from "./mail-admin.js";
import { signature } from "./mail-common.js";
import { buildPhiDraft, PHI_KINDS_BY_ROLE } from "./mail-phi.js";
import { EmlWriter, type Folder, type MailboxWriter, MboxWriter } from "./mailbox-writer.js";
import {
  type DocumentFormat,
  documentAttachment,
  sheetAttachment,
  zipAttachment,
} from "./make-attachment.js";
import { base64Lines, type MailAddress, type MimeAttachment, renderMessage, textToHtml } from "./mime.js";
import { makeOrganization } from "./organization.js";
import { patientIndexCsv } from "./patient-index.js";
import { generatePopulation } from "./patients.js";
import type { Person } from "./people.js";
import * as w from "./phi-writers.js";
import { Random } from "./random.js";
import { externalAddress, makeStaff, type Staff } from "./staff.js";
import { TextDoc } from "./text-doc.js";
import { ThreadPool } from "./threads.js";
import { type TruthLocation, TruthWriter } from "./truth.js";
import { dateVariant, roughen } from "./variants.js";

/** Bump when output for a given seed changes, so benchmarks and goldens know. */
export const GENERATOR_VERSION = 1;

export interface GenerateOptions {
  /** Created if missing; must not already hold a generated incident. */
  outDir: string;
  seed: number;
  /** Patients in the index (default 400). */
  patients?: number;
  /** Staff mailboxes (default 5: billing, scheduling, nursing, HR, physician). */
  mailboxes?: number;
  /** Distinct messages to write (default 300; ignored when sizeBytes is given). */
  messages?: number;
  /** Stop once the mailboxes hold this many bytes (overrides `messages`). */
  sizeBytes?: number;
  /** Container formats; mailboxes take them in turn (default both: mbox, eml, mbox, …). */
  formats?: ("mbox" | "eml")[];
  /** Put each item's canonical text into truth.json (for tests and debugging; large). */
  keepText?: boolean;
  onProgress?: (p: { messages: number; bytes: number }) => void;
}

export interface GenerateSummary {
  outDir: string;
  seed: number;
  version: number;
  incidentDate: string;
  files: string[];
  mailboxes: {
    user: string;
    role: string;
    format: "mbox" | "eml";
    path: string;
    messages: number;
    bytes: number;
  }[];
  /** Distinct messages (one Message-ID each). */
  messages: number;
  /** Copies written across mailboxes (a message sent internally is in Sent Items and an Inbox). */
  messageCopies: number;
  attachments: number;
  items: number;
  patientsInIndex: number;
  /** People whose data appears in any item / in a compromised mailbox / in an item the attacker accessed. */
  peopleInMail: number;
  affectedPeople: number;
  accessedPeople: number;
  compromisedAccounts: string[];
  accessedMessages: number;
  /** Bytes of all files written (mailboxes, attachments inside them, index, log, truth). */
  bytes: number;
  mailboxBytes: number;
}

interface Outgoing {
  from: MailAddress;
  fromStaff?: Staff;
  to: MailAddress[];
  toStaff: Staff[];
  cc: MailAddress[];
  ccStaff: Staff[];
  subject: TextDoc;
  body: TextDoc;
  attachments: Attachment[];
  /** message/rfc822 attachments: source text and the truth of their body. */
  forwardedSource?: { name: string; source: string; body: TextDoc };
  inReplyTo?: string;
  references?: string[];
  /** Broadcast to every mailbox. */
  broadcast?: boolean;
  /** The patient the conversation is about. */
  about?: Person;
}

const HOSPITAL_IPS = ["198.51.100.23", "198.51.100.24"];
const ATTACKER_IPS = ["203.0.113.77", "203.0.113.145", "192.0.2.201"];

export async function generateIncident(options: GenerateOptions): Promise<GenerateSummary> {
  const root = new Random(options.seed);
  const popRng = root.fork(1);
  const orgRng = root.fork(2);
  const rng = root.fork(3);
  const attackRng = root.fork(4);
  const incidentDate = addDays({ y: 2025, m: 1, d: 1 }, root.int(0, 540));
  const outDir = options.outDir;
  // Stale EML files from an earlier run would contradict the new truth.json.
  for (const name of ["truth.json", "mailboxes"]) {
    if (existsSync(join(outDir, name))) {
      throw new Error(`${outDir} already holds a generated incident (${name}); use an empty directory`);
    }
  }
  await mkdir(join(outDir, "mailboxes"), { recursive: true });
  await mkdir(join(outDir, "logs"), { recursive: true });

  const population = generatePopulation(popRng, Math.max(1, options.patients ?? 400), incidentDate);
  const org = makeOrganization(orgRng, DEPARTMENTS);
  const staff = makeStaff(orgRng, org, Math.max(1, options.mailboxes ?? 5));
  const files: string[] = [];
  let otherBytes = 0;

  const indexCsv = patientIndexCsv(population.patients, population.byId);
  await writeFile(join(outDir, "patients.csv"), indexCsv, "utf8");
  files.push("patients.csv");
  otherBytes += Buffer.byteLength(indexCsv);

  // A recurring subset of patients shows up in mail; a skewed pick makes some recur often.
  const mailPatients = popRng.sample(
    population.patients,
    Math.max(5, Math.ceil(population.patients.length * 0.35)),
  );
  const ctx: GenContext = {
    rng,
    population,
    org,
    incidentDate,
    now: incidentDate,
    // r^1.5 (sqrt is exactly rounded everywhere, unlike pow) favours the first patients.
    pickPatient: () => {
      const r = rng.next();
      return mailPatients[Math.floor(mailPatients.length * r * Math.sqrt(r))]!;
    },
  };

  // The attack: one or two accounts, a window of a few days shortly before discovery.
  const incidentMs = ymdToMs(incidentDate) + 14 * 3_600_000;
  const windowEnd = incidentMs - attackRng.int(1, 3) * 86_400_000 - attackRng.int(0, 36_000_000);
  const windowStart = windowEnd - attackRng.int(2, 5) * 86_400_000;
  const compromisedStaff = [staff[0]!];
  if (staff.length > 1 && attackRng.chance(0.5))
    compromisedStaff.push(staff[attackRng.int(1, staff.length - 1)]!);
  const compromises: Compromise[] = compromisedStaff.map((s, i) => {
    const start = windowStart + i * attackRng.int(3, 20) * 3_600_000;
    // A desktop client syncs whole folders; a browser session (OWA) only binds the items it opens.
    const syncs = attackRng.chance(0.4)
      ? [{ folder: "Inbox", at: start + attackRng.int(20, 90) * 60_000 }]
      : [];
    if (syncs.length && attackRng.chance(0.5))
      syncs.push({ folder: "Sent Items", at: start + attackRng.int(100, 300) * 60_000 });
    return {
      user: s.user,
      upn: s.email,
      windowStart: start,
      windowEnd,
      syncs,
      attackerIps: attackRng.sample(ATTACKER_IPS, 2),
      forwardTo: `${attackRng.pick(["accounts.receivable", "billing.dept", "payroll.update", "docs.share"])}${attackRng.int(10, 99)}@${attackRng.pick(["protonmail.com", "gmx.com", "outlook.com", "mail.com"])}`,
      ruleName: attackRng.pick([".", "..", "RSS", "Clear", "x"]),
      ruleAt: start + attackRng.int(5, 40) * 60_000,
    };
  });
  const compromiseOf = new Map(compromises.map((c) => [c.user, c]));

  const truth = new TruthWriter(join(outDir, "truth.json"), options.keepText ?? false);
  await truth.begin({
    generatorVersion: GENERATOR_VERSION,
    seed: options.seed,
    incidentDate: isoDate(incidentDate),
    organization: { name: org.name, domain: org.domain, ips: HOSPITAL_IPS },
    accounts: compromises.map((c) => ({
      user: c.user,
      upn: c.upn,
      mailbox: c.user,
      windowStart: new Date(c.windowStart).toISOString(),
      windowEnd: new Date(c.windowEnd).toISOString(),
      attackerIps: c.attackerIps,
      forwardTo: c.forwardTo,
      ruleName: c.ruleName,
      ruleCreated: new Date(c.ruleAt).toISOString(),
      syncs: c.syncs.map((s) => ({ folder: s.folder, at: new Date(s.at).toISOString() })),
    })),
    mailboxes: staff.map((s) => ({ user: s.user, name: s.name, email: s.email, role: s.role })),
  });

  // Mailbox writers, formats in turn.
  const formats = options.formats?.length ? options.formats : (["mbox", "eml"] as const);
  const writers = new Map<string, MailboxWriter>();
  const counts = new Map<string, number>();
  staff.forEach((s, i) => {
    const format = formats[i % formats.length]!;
    const rel = format === "mbox" ? `mailboxes/${s.user}.mbox` : `mailboxes/${s.user}`;
    writers.set(s.user, format === "mbox" ? new MboxWriter(outDir, rel) : new EmlWriter(outDir, rel));
    counts.set(s.user, 0);
  });
  const mailboxBytes = () => {
    let n = 0;
    for (const w of writers.values()) n += w.bytes();
    return n;
  };

  // Files: new ones, or (in size-driven runs, once enough exist) the same files sent again.
  const pool: Attachment[] = [];
  // Size-driven runs lean on re-sent files and long scanned packets: that is what makes real
  // mailboxes big, and it keeps generation fast (a file is rendered and base64-encoded once).
  const bulk = options.sizeBytes !== undefined;
  const POOL = 64;
  const remember = (a: Attachment): Attachment => {
    if (pool.length < POOL) pool.push(a);
    else pool[rng.int(0, POOL - 1)] = a;
    return a;
  };
  const reuse = (): Attachment | undefined =>
    bulk && pool.length >= POOL / 2 && rng.chance(0.9) ? rng.pick(pool) : undefined;
  const docFormat = (): DocumentFormat =>
    rng.weighted<DocumentFormat>([
      ["pdf", 35],
      ["docx", 20],
      ["pdf-scan", bulk ? 30 : 15],
      ["png", bulk ? 4 : 10],
      ["jpeg", 10],
    ]);
  const maxExtraPages = bulk ? 14 : 2;
  const source: AttachmentSource = {
    sheet: async (patients) =>
      reuse() ?? remember(await sheetAttachment(ctx, patients, rng.chance(0.55) ? "xlsx" : "csv")),
    document: async (kind, p) =>
      reuse() ?? remember(await documentAttachment(ctx, kind, p, docFormat(), maxExtraPages)),
    bundle: async (patients) => {
      const again = reuse();
      if (again) return again;
      const members = [await sheetAttachment(ctx, patients, rng.chance(0.5) ? "xlsx" : "csv")];
      for (let i = rng.int(1, 3); i > 0; i--) {
        members.push(
          await documentAttachment(
            ctx,
            rng.pick(DOCUMENT_KINDS),
            rng.pick(patients),
            docFormat(),
            maxExtraPages,
          ),
        );
      }
      return remember(zipAttachment(ctx, members));
    },
    resend: () => (pool.length ? rng.pick(pool) : undefined),
  };

  const threads = new ThreadPool();
  const binds: AccessedItem[] = [];
  const accessedIds = new Set<string>();
  const start = ymdToMs(incidentDate) - 90 * 86_400_000;
  const end = incidentMs - 3_600_000;
  // A size target overrides the message count.
  const maxMessages = options.sizeBytes ? Number.POSITIVE_INFINITY : (options.messages ?? 300);
  let lastAt = start;
  let written = 0;
  let copies = 0;
  let attachmentCount = 0;

  while (written < maxMessages && (!options.sizeBytes || mailboxBytes() < options.sizeBytes)) {
    // Time follows progress: by message count, or by bytes in size-driven runs.
    const progress = options.sizeBytes ? mailboxBytes() / options.sizeBytes : written / maxMessages;
    const at = Math.max(lastAt + rng.int(1_000, 120_000), businessTime(start, end, Math.min(1, progress)));
    lastAt = at;
    ctx.now = msToYmd(at);
    const out = await nextMessage(ctx, staff, threads, source);
    if (!out) continue;
    written++;
    attachmentCount += out.attachments.length + (out.forwardedSource ? 1 : 0);
    await deliver(out, at, written);
    options.onProgress?.({ messages: written, bytes: mailboxBytes() });
  }

  async function deliver(m: Outgoing, at: number, n: number): Promise<void> {
    const internal = m.from.email.endsWith(`@${org.domain}`);
    const messageId = internal
      ? `<${rng.digits(6)}${guid(rng).replace(/-/g, "").slice(0, 16).toUpperCase()}@${m.fromStaff ? "BN8PR04MB" : "CH2PR11MB"}${rng.int(1000, 9999)}.namprd04.prod.outlook.com>`
      : `<${guid(rng).replace(/-/g, "")}.${n}@${m.from.email.split("@")[1]}>`;
    const text = m.body.toString();
    const nonAscii = /[^\x00-\x7f]/.test(text) || text.split("\n").some((l) => l.length > 900);
    const encoding = nonAscii
      ? rng.chance(0.6)
        ? "quoted-printable"
        : "base64"
      : rng.chance(0.3)
        ? "quoted-printable"
        : "7bit";
    const mimeAttachments: MimeAttachment[] = m.attachments.map((a) => {
      return {
        name: a.name,
        mediaType: a.mediaType,
        base64: (eol) => {
          if (eol === "\n") {
            a.base64 ??= base64Lines(a.bytes);
            return a.base64;
          }
          a.base64Crlf ??= base64Lines(a.bytes, eol);
          return a.base64Crlf;
        },
      };
    });
    if (m.forwardedSource)
      mimeAttachments.push({
        name: m.forwardedSource.name,
        mediaType: "message/rfc822",
        message: m.forwardedSource.source,
      });
    const mime = {
      from: m.from,
      to: m.to,
      cc: m.cc,
      subject: m.subject.toString(),
      date: rfc2822(at, easternOffset(at)),
      messageId,
      inReplyTo: m.inReplyTo,
      references: m.references,
      text,
      html: rng.chance(0.85) ? textToHtml(text) : undefined,
      textEncoding: encoding,
      attachments: mimeAttachments,
      boundarySeed: `${guid(rng).replace(/-/g, "").slice(0, 20)}`,
      headers: [["X-MS-Has-Attach", mimeAttachments.length ? "yes" : ""]] as [string, string][],
    } as const;
    const cache: { mbox?: string; eml?: string } = {};
    const render = (format: "mbox" | "eml"): string => {
      if (format === "mbox") {
        cache.mbox ??= renderMessage({ ...mime }, true);
        return cache.mbox;
      }
      cache.eml ??= renderMessage({ ...mime }, false, "\r\n");
      return cache.eml;
    };

    // Copies: the sender's Sent Items, each staff recipient's Inbox (some already deleted).
    const targets: { s: Staff; folder: Folder }[] = [];
    if (m.fromStaff) targets.push({ s: m.fromStaff, folder: "Sent Items" });
    const recipients = m.broadcast ? staff : [...m.toStaff, ...m.ccStaff];
    const seen = new Set<string>(m.fromStaff ? [m.fromStaff.user] : []);
    for (const s of recipients) {
      if (seen.has(s.user)) continue;
      seen.add(s.user);
      targets.push({ s, folder: rng.chance(0.1) ? "Deleted Items" : "Inbox" });
    }
    const locations: TruthLocation[] = [];
    let size = 0;
    for (const t of targets) {
      const w = writers.get(t.s.user)!;
      const copy = await w.write(t.folder, m.from.email, at, render);
      size = copy.bytes;
      counts.set(t.s.user, (counts.get(t.s.user) ?? 0) + 1);
      copies++;
      const loc: TruthLocation = { mailbox: t.s.user, folder: t.folder, format: w.format, file: copy.file };
      if (copy.ordinal !== undefined) loc.ordinal = copy.ordinal;
      const c = compromiseOf.get(t.s.user);
      if (c) {
        loc.compromised = true;
        const sync = c.syncs.find((s) => s.folder === t.folder && at < s.at);
        if (sync) loc.accessed = "Sync";
        // The attacker's rule forwards every message received after it was created.
        else if (t.folder !== "Sent Items" && at >= c.ruleAt) loc.accessed = "Forward";
        else if (at < c.windowEnd && at > c.windowStart - 45 * 86_400_000 && rng.chance(0.35)) {
          loc.accessed = "Bind";
          const from = Math.max(at, c.windowStart);
          binds.push({
            user: t.s.user,
            folder: t.folder,
            messageId,
            sizeBytes: copy.bytes,
            at: from + Math.floor(rng.next() * (c.windowEnd - from)),
          });
        }
        if (loc.accessed) accessedIds.add(messageId);
      }
      locations.push(loc);
    }
    void size;

    // Truth: the body (with the subject), then every attachment and ZIP member.
    await truth.item({
      messageId,
      part: "body",
      textKind: "body",
      subject: m.subject.toString(),
      subjectSpans: m.subject.spans,
      locations,
      spans: m.body.spans,
      decoys: m.body.decoys,
      text,
    });
    let index = 0;
    for (const a of m.attachments) {
      index++;
      if (a.entries) {
        for (const e of a.entries) {
          await truth.item({
            messageId,
            part: "attachment",
            textKind: e.textKind,
            attachment: {
              index,
              name: a.name,
              mediaType: a.mediaType,
              entry: e.name,
              boilerplatePages: e.boilerplatePages,
            },
            locations,
            spans: e.spans,
            decoys: e.decoys,
            text: e.text,
          });
        }
      } else {
        await truth.item({
          messageId,
          part: "attachment",
          textKind: a.textKind,
          attachment: { index, name: a.name, mediaType: a.mediaType, boilerplatePages: a.boilerplatePages },
          locations,
          spans: a.spans,
          decoys: a.decoys,
          text: a.text,
        });
      }
    }
    if (m.forwardedSource) {
      index++;
      await truth.item({
        messageId,
        part: "attachment",
        textKind: "message" satisfies TextKind,
        attachment: { index, name: m.forwardedSource.name, mediaType: "message/rfc822" },
        locations,
        spans: m.forwardedSource.body.spans as AttachmentSpan[],
        decoys: m.forwardedSource.body.decoys,
        text: m.forwardedSource.body.toString(),
      });
    }

    // Remember the conversation for replies and forwards.
    const small = !m.attachments.length && !m.forwardedSource && text.length < 20_000;
    if (!m.broadcast) {
      threads.add({
        subject: m.subject,
        lastBody: m.body,
        lastFrom: m.from,
        lastFromStaff: m.fromStaff,
        lastTo: [...m.to, ...m.cc],
        lastToStaff: [...m.toStaff, ...m.ccStaff],
        lastDate: mime.date,
        messageIds: [...(m.references ?? []), messageId].slice(-8),
        attachments: m.attachments,
        source: small ? renderMessage({ ...mime, html: undefined }, false) : undefined,
        depth: (m.references?.length ?? 0) + 1,
        about: m.about,
      });
    }
  }

  for (const w of writers.values()) await w.close();

  const log = renderAuditLog({
    rng: attackRng,
    organizationId: guid(attackRng),
    users: staff.map((s) => ({ upn: s.email })),
    hospitalIps: HOSPITAL_IPS,
    compromises,
    binds,
    from: ymdToMs(incidentDate) - 30 * 86_400_000,
    to: incidentMs,
  });
  await writeFile(join(outDir, "logs", "unified-audit-log.csv"), log, "utf8");
  files.push("logs/unified-audit-log.csv");
  otherBytes += Buffer.byteLength(log);

  const people = truth.counts();
  const accessedList = [...accessedIds].sort();
  const truthBytes = await truth.finish({ accessedMessageIds: accessedList }, population.byId);
  files.push("truth.json");
  otherBytes += truthBytes;

  const mailboxes = staff.map((s) => {
    const w = writers.get(s.user)!;
    return {
      user: s.user,
      role: s.role,
      format: w.format,
      path: w.format === "mbox" ? `mailboxes/${s.user}.mbox` : `mailboxes/${s.user}/`,
      messages: counts.get(s.user) ?? 0,
      bytes: w.bytes(),
    };
  });
  files.push(...mailboxes.map((m) => m.path));
  const mb = mailboxBytes();
  return {
    outDir,
    seed: options.seed,
    version: GENERATOR_VERSION,
    incidentDate: isoDate(incidentDate),
    files,
    mailboxes,
    messages: written,
    messageCopies: copies,
    attachments: attachmentCount,
    items: truth.itemCount,
    patientsInIndex: population.patients.length,
    peopleInMail: people.inMail,
    affectedPeople: people.affected,
    accessedPeople: people.accessed,
    compromisedAccounts: compromises.map((c) => c.upn),
    accessedMessages: accessedList.length,
    bytes: mb + otherBytes,
    mailboxBytes: mb,
  };
}

/** Picks what happens next: a new message with or without PHI, a reply, or a forward. */
async function nextMessage(
  ctx: GenContext,
  staff: Staff[],
  threads: ThreadPool,
  files: AttachmentSource,
): Promise<Outgoing | undefined> {
  const { rng, org } = ctx;
  const roll = rng.next();
  if (threads.size > 0 && roll < 0.22) return reply(ctx, staff, threads);
  if (threads.size > 0 && roll < 0.3) return forward(ctx, staff, threads);
  const sender = rng.pick(staff);
  const others = staff.filter((s) => s !== sender);
  if (roll < 0.72) {
    const kinds = PHI_KINDS_BY_ROLE[sender.role] ?? ["referral"];
    const kind = rng.pick(kinds);
    const incoming = rng.chance(0.2);
    const toStaff = incoming ? [sender] : others.length ? rng.sample(others, rng.chance(0.8) ? 1 : 2) : [];
    const draft = await buildPhiDraft(
      ctx,
      kind,
      files,
      incoming ? sender.name : (toStaff[0]?.name ?? "team"),
    );
    if (incoming) {
      const from = externalAddress(rng, org);
      externalSignature(draft.body, from);
      return {
        from,
        to: [sender.address],
        toStaff: [sender],
        cc: [],
        ccStaff: [],
        subject: draft.subject,
        body: draft.body,
        attachments: draft.attachments,
        about: draft.about,
      };
    }
    signature(draft.body, ctx, sender);
    const ext = draft.external || toStaff.length === 0;
    const to = ext ? [externalAddress(rng, org)] : toStaff.map((s) => s.address);
    const ccStaff = ext && others.length && rng.chance(0.4) ? [rng.pick(others)] : [];
    return {
      from: sender.address,
      fromStaff: sender,
      to,
      toStaff: ext ? [] : toStaff,
      cc: ccStaff.map((s) => s.address),
      ccStaff,
      subject: draft.subject,
      body: draft.body,
      attachments: draft.attachments,
      about: draft.about,
    };
  }
  const kind = rng.pick(ADMIN_KINDS);
  const toStaff = others.length ? [rng.pick(others)] : [sender];
  const draft = buildAdminDraft(ctx, kind, toStaff[0]!.name);
  if (draft.broadcast || kind === "vendor-invoice") {
    const from =
      kind === "vendor-invoice" || kind === "newsletter"
        ? {
            name: kind === "newsletter" ? `${org.shortName} Communications` : "Accounts Receivable",
            email:
              kind === "newsletter"
                ? `news@${org.domain}`
                : `ar@${rng.pick(["medline.com", "cardinalhealth.com", "stericycle.com", "cintas.com"])}`,
          }
        : {
            name: kind === "it-notice" ? "IT Service Desk" : "Human Resources",
            email: `${kind === "it-notice" ? "servicedesk" : "hr"}@${org.domain}`,
          };
    const broadcast = draft.broadcast;
    return {
      from,
      to: broadcast ? [{ name: "All Staff", email: `allstaff@${org.domain}` }] : [toStaff[0]!.address],
      toStaff: broadcast ? [] : toStaff,
      cc: [],
      ccStaff: [],
      subject: draft.subject,
      body: draft.body,
      attachments: [],
      broadcast,
    };
  }
  signature(draft.body, ctx, sender);
  return {
    from: sender.address,
    fromStaff: sender,
    to: toStaff.map((s) => s.address),
    toStaff,
    cc: [],
    ccStaff: [],
    subject: draft.subject,
    body: draft.body,
    attachments: [],
  };
}

/**
 * Maps progress through the incident (0..1) onto working hours: weekdays, 7:00 to 18:00 US
 * Eastern (12:00-23:00 UTC, close enough for mail), so messages do not arrive at 3 a.m.
 */
function businessTime(start: number, end: number, fraction: number): number {
  const day = 86_400_000;
  const days: number[] = [];
  for (let t = start; t < end; t += day) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(t - (t % day));
  }
  if (days.length === 0) return start;
  const position = fraction * days.length;
  const index = Math.min(days.length - 1, Math.floor(position));
  return Math.min(end, days[index]! + 12 * 3_600_000 + Math.floor((position - index) * 11 * 3_600_000));
}

function externalSignature(body: TextDoc, from: MailAddress): void {
  body
    .line()
    .line("Thank you,")
    .line(from.name ?? from.email);
}

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

function reply(ctx: GenContext, staff: Staff[], threads: ThreadPool): Outgoing | undefined {
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

function forward(ctx: GenContext, staff: Staff[], threads: ThreadPool): Outgoing | undefined {
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
