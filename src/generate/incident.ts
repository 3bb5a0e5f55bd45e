import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { HOSPITAL_IPS, planAttack } from "./attack-plan.js";
import { type AccessedItem, guid, renderAuditLog } from "./audit-log.js";
import { businessTime } from "./business-time.js";
import { DEPARTMENTS } from "./clinical.js";
import type { GenContext } from "./context.js";
import { addDays, isoDate, msToYmd, ymdToMs } from "./dates.js";
import { createFileSource } from "./file-pool.js";
import { EmlWriter, type Folder, type MailboxWriter, MboxWriter } from "./mailbox-writer.js";
import { renderMessage } from "./mime.js";
import { nextMessage } from "./next-message.js";
import { makeOrganization } from "./organization.js";
import type { Outgoing } from "./outgoing.js";
import { patientIndexCsv } from "./patient-index.js";
import { generatePopulation } from "./patients.js";
import { Random } from "./random.js";
import { makeStaff, type Staff } from "./staff.js";
import { ThreadPool } from "./threads.js";
import { toMime } from "./to-mime.js";
import { type TruthLocation, TruthWriter } from "./truth.js";
import { recordItems } from "./truth-items.js";

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
  const compromises = planAttack(attackRng, staff, incidentMs);
  const compromiseOf = new Map(compromises.map((c) => [c.user, c]));

  const truth = new TruthWriter(
    join(outDir, "truth.json"),
    options.keepText ?? false,
    join(outDir, "gold.jsonl"),
  );
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
  const source = createFileSource(ctx, options.sizeBytes !== undefined);

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
    // Jitter on top of the schedule, never backwards; at most one second of drift per message.
    const at = Math.max(lastAt + 1_000, businessTime(start, end, Math.min(1, progress)) + rng.int(0, 90_000));
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
    const { mime, messageId, text } = toMime(m, at, n, rng, org.domain);
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

    await recordItems(truth, m, messageId, text, locations);

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
