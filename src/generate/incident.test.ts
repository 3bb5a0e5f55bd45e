import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidSsn } from "./identifiers.js";
import { type GenerateSummary, generateIncident } from "./incident.js";
import { type ParsedPart, parseMessage, splitMbox } from "./mime-parse.js";
import { PATIENT_INDEX_COLUMNS } from "./patient-index.js";
import type { TruthItem } from "./truth.js";
import { unzipSync } from "./unzip.js";

interface Truth {
  format: string;
  accounts: { user: string; upn: string; windowStart: string; windowEnd: string }[];
  items: TruthItem[];
  accessedMessageIds: string[];
  people: {
    id: string;
    inIndex: boolean;
    affected: boolean;
    elements: { code: string; values: string[]; items: number[] }[];
  }[];
}

const SMALL = { patients: 50, mailboxes: 5, messages: 45 };
let dirs: string[] = [];
let a: GenerateSummary;
let truth: Truth;

async function run(
  seed: number,
  extra: Partial<Parameters<typeof generateIncident>[0]> = {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "bs-gen-"));
  dirs.push(dir);
  const summary = await generateIncident({ outDir: dir, seed, ...SMALL, keepText: true, ...extra });
  if (seed === 11 && !extra.formats) a = summary;
  return dir;
}

async function hashTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (rel: string) => {
    for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(p);
      else
        out.set(
          p,
          createHash("sha256")
            .update(await readFile(join(dir, p)))
            .digest("hex"),
        );
    }
  };
  await walk("");
  return out;
}

/** Reads every message copy the truth points at, parsed, keyed by "file#ordinal". */
async function loadCopies(dir: string): Promise<Map<string, ParsedPart>> {
  const copies = new Map<string, ParsedPart>();
  const mboxes = new Map<string, string[]>();
  for (const item of truth.items) {
    for (const loc of item.locations) {
      const key = `${loc.file}#${loc.ordinal ?? ""}`;
      if (copies.has(key)) continue;
      let source: string;
      if (loc.format === "mbox") {
        if (!mboxes.has(loc.file))
          mboxes.set(loc.file, splitMbox(await readFile(join(dir, loc.file), "utf8")));
        source = mboxes.get(loc.file)![loc.ordinal! - 1]!;
      } else {
        source = await readFile(join(dir, loc.file), "utf8");
      }
      copies.set(key, parseMessage(source));
    }
  }
  return copies;
}

let dir1: string;

beforeAll(async () => {
  dir1 = await run(11);
  truth = JSON.parse(await readFile(join(dir1, "truth.json"), "utf8")) as Truth;
});

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

describe("generateIncident", () => {
  it("is deterministic: same seed, same bytes; other seed, other bytes", async () => {
    const again = await run(11);
    const other = await run(12);
    const h1 = await hashTree(dir1);
    const h2 = await hashTree(again);
    expect(h2).toEqual(h1);
    const h3 = await hashTree(other);
    expect(h3.get("truth.json")).not.toBe(h1.get("truth.json"));
    expect(h3.get("patients.csv")).not.toBe(h1.get("patients.csv"));
  });

  it("writes a well-formed patient index with valid identifiers", async () => {
    const csv = await readFile(join(dir1, "patients.csv"), "utf8");
    const rows = csv.trimEnd().split("\r\n").map(parseCsvLine);
    expect(rows[0]).toEqual([...PATIENT_INDEX_COLUMNS]);
    expect(rows.length).toBe(SMALL.patients + 1);
    const col = (n: string) => PATIENT_INDEX_COLUMNS.indexOf(n as (typeof PATIENT_INDEX_COLUMNS)[number]);
    const mrns = new Set<string>();
    for (const r of rows.slice(1)) {
      expect(r.length).toBe(PATIENT_INDEX_COLUMNS.length);
      mrns.add(r[col("MRN")]!);
      const ssn = r[col("SSN")]!;
      if (ssn) expect(isValidSsn(ssn.replace(/-/g, ""))).toBe(true);
      expect(r[col("DOB")]).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
    expect(mrns.size).toBe(SMALL.patients);
    expect(rows.slice(1).some((r) => r[col("GuarantorName")])).toBe(true);
  });

  it("writes mailboxes in 7-bit ASCII (non-ASCII only inside encoded words, QP or base64)", async () => {
    for (const m of a.mailboxes) {
      const files =
        m.format === "mbox"
          ? [join(dir1, m.path)]
          : (await readdir(join(dir1, m.path), { recursive: true }))
              .filter((f) => f.endsWith(".eml"))
              .map((f) => join(dir1, m.path, f));
      for (const f of files) expect((await readFile(f)).every((b) => b < 0x80)).toBe(true);
    }
  });

  it("writes MBOX files that split into the expected number of messages", async () => {
    for (const m of a.mailboxes.filter((m) => m.format === "mbox")) {
      const text = await readFile(join(dir1, m.path), "utf8");
      expect(splitMbox(text).length).toBe(m.messages);
    }
    for (const m of a.mailboxes.filter((m) => m.format === "eml")) {
      let n = 0;
      for (const folder of await readdir(join(dir1, m.path)))
        n += (await readdir(join(dir1, m.path, folder))).length;
      expect(n).toBe(m.messages);
    }
    expect(a.messages).toBe(SMALL.messages);
  });

  it("records gold spans that match the decoded text of every item", async () => {
    const copies = await loadCopies(dir1);
    let spans = 0;
    for (const item of truth.items) {
      const text = item.text ?? "";
      for (const s of [...item.spans, ...item.decoys]) {
        expect(text.slice(s.start, s.end)).toBe(s.text);
        spans++;
      }
      for (const s of item.subjectSpans ?? []) expect(item.subject!.slice(s.start, s.end)).toBe(s.text);
      for (const loc of item.locations) {
        const msg = copies.get(`${loc.file}#${loc.ordinal ?? ""}`)!;
        expect(msg.headers.get("message-id")).toBe(item.messageId);
        if (item.part === "body") {
          expect(msg.text).toBe(text);
          continue;
        }
        const att = msg.attachments[item.attachment!.index - 1]!;
        expect(att.name).toBe(item.attachment!.name);
        if (item.textKind === "message") {
          expect(att.message!.text).toBe(text);
          continue;
        }
        const bytes = item.attachment!.entry
          ? unzipSync(att.bytes).find((e) => e.name === item.attachment!.entry)!.bytes
          : att.bytes;
        await checkFile(item, bytes);
      }
    }
    expect(spans).toBeGreaterThan(100);
  });

  it("links every affected person to items that contain their data", () => {
    const byId = new Map(truth.items.map((i) => [i.id, i]));
    expect(truth.people.length).toBeGreaterThan(5);
    for (const p of truth.people) {
      for (const el of p.elements) {
        expect(el.items.length).toBeGreaterThan(0);
        for (const id of el.items) {
          const item = byId.get(id)!;
          const found = [...item.spans, ...(item.subjectSpans ?? [])].some(
            (s) => s.person === p.id && s.code === el.code,
          );
          expect(found).toBe(true);
        }
      }
    }
    expect(truth.people.some((p) => !p.inIndex)).toBe(true);
    expect(truth.people.some((p) => p.affected)).toBe(true);
    const codes = new Set(truth.items.flatMap((i) => i.spans.map((s) => s.code)));
    for (const c of [
      "PERSON_NAME",
      "DATE_OF_BIRTH",
      "MRN",
      "DIAGNOSIS",
      "PROVIDER_NAME",
      "STREET_ADDRESS",
      "PHONE",
    ]) {
      expect(codes.has(c as never)).toBe(true);
    }
  });

  it("plants decoys that are not personal data", () => {
    const decoys = truth.items.flatMap((i) => i.decoys);
    const kinds = new Set(decoys.map((d) => d.kind));
    for (const k of ["invoice-id", "org-phone", "event-date", "ticket-number"])
      expect(kinds.has(k as never)).toBe(true);
    for (const d of decoys.filter((d) => d.kind === "invalid-ssn"))
      expect(isValidSsn(d.text.replace(/\D/g, ""))).toBe(false);
  });

  it("writes a Purview audit log whose accessed Message-IDs exist in the compromised mailboxes", async () => {
    const csv = await readFile(join(dir1, "logs", "unified-audit-log.csv"), "utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("RecordId,CreationDate,RecordType,Operation,UserId,AuditData");
    const records = lines.slice(1).map(parseCsvLine);
    const ops = new Set(records.map((r) => r[3]));
    for (const op of ["UserLoggedIn", "New-InboxRule", "MailItemsAccessed"]) expect(ops.has(op)).toBe(true);
    const compromisedIds = new Set(
      truth.items.filter((i) => i.locations.some((l) => l.compromised)).map((i) => i.messageId),
    );
    const bound: string[] = [];
    for (const r of records.filter((r) => r[3] === "MailItemsAccessed")) {
      const data = JSON.parse(r[5]!) as { Folders?: { FolderItems: { InternetMessageId: string }[] }[] };
      for (const f of data.Folders ?? []) for (const it of f.FolderItems) bound.push(it.InternetMessageId);
    }
    for (const id of bound) {
      expect(compromisedIds.has(id)).toBe(true);
      expect(truth.accessedMessageIds).toContain(id);
    }
    expect(truth.accessedMessageIds.length).toBeGreaterThan(0);
  });

  it("writes mail that a real MIME parser (postal-mime) reads the same way", async () => {
    const { default: PostalMime } = await import("postal-mime");
    const copies = new Map<string, string>();
    for (const m of a.mailboxes.filter((m) => m.format === "mbox")) {
      const sources = splitMbox(await readFile(join(dir1, m.path), "utf8"));
      for (const [i, src] of sources.entries()) copies.set(`${m.path}#${i + 1}`, src);
    }
    let checked = 0;
    for (const item of truth.items.filter((i) => i.part === "body").slice(0, 25)) {
      const loc = item.locations[0]!;
      const src =
        loc.format === "mbox"
          ? copies.get(`${loc.file}#${loc.ordinal}`)!
          : await readFile(join(dir1, loc.file), "utf8");
      const email = await PostalMime.parse(src);
      expect(email.messageId).toBe(item.messageId);
      expect(email.subject).toBe(item.subject);
      expect(email.text?.replace(/\n+$/, "")).toBe(item.text!.replace(/\n+$/, ""));
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("refuses to write over an earlier incident", async () => {
    await expect(generateIncident({ outDir: dir1, seed: 11, messages: 1 })).rejects.toThrow(/already holds/);
  });

  it("can write only EML", async () => {
    const dir = await run(13, { formats: ["eml"], messages: 8, patients: 20 });
    const entries = await readdir(join(dir, "mailboxes"));
    for (const e of entries) expect((await stat(join(dir, "mailboxes", e))).isDirectory()).toBe(true);
  });
});

async function checkFile(item: TruthItem, bytes: Buffer): Promise<void> {
  const text = item.text ?? "";
  switch (item.textKind) {
    case "csv":
      expect(bytes.toString("utf8")).toBe(text);
      break;
    case "xlsx": {
      const wb = XLSX.read(bytes, { type: "buffer" });
      for (const s of item.spans) {
        const cell = wb.Sheets[s.sheet!]![s.cell!] as { v: unknown } | undefined;
        expect(String(cell?.v)).toBe(s.text);
      }
      break;
    }
    case "pdf":
    case "pdf-scan": {
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.getPageCount()).toBeGreaterThan(0);
      break;
    }
    case "docx": {
      const xml = unzipSync(bytes)
        .find((e) => e.name === "word/document.xml")!
        .bytes.toString("utf8");
      const unescaped = xml
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'");
      for (const s of item.spans) expect(unescaped).toContain(s.text);
      break;
    }
    case "image":
      expect([0x89, 0xff]).toContain(bytes[0]);
      break;
    default:
      throw new Error(`unexpected text kind ${item.textKind}`);
  }
}

/** RFC 4180 line parser (no embedded line breaks in these files). */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}
