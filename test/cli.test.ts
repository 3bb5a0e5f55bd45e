import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./cli.js";

const EML = (n: number, attachment = "") =>
  [
    `From: Clinic ${n} <clinic${n}@example.org>`,
    "To: billing@hospital.example",
    `Subject: Referral ${n}`,
    "Date: Tue, 2 Jan 2024 09:00:00 -0500",
    `Message-ID: <ref${n}@example.org>`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="xx"',
    "",
    "--xx",
    "Content-Type: text/plain; charset=utf-8",
    "",
    `Please see the attached referral number ${n}.`,
    attachment,
    "--xx--",
    "",
  ].join("\r\n");

describe("the breachscope command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "bs-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const caseDir = join(dir, "case");
  const evidence = join(dir, "evidence");

  it("says what to do when there is no case", () => {
    const r = runCli(["exceptions"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a breachscope case.*case init/);
  });

  it("creates a case and ingests a folder, printing the reconciliation as JSON", () => {
    expect(runCli(["case", "init", caseDir]).status).toBe(0);
    mkdirSync(join(evidence, "inbox"), { recursive: true });
    writeFileSync(join(evidence, "inbox", "1.eml"), EML(1));
    writeFileSync(
      join(evidence, "inbox", "2.eml"),
      EML(
        2,
        [
          "--xx",
          'Content-Type: application/pdf; name="scan.pdf"',
          "Content-Transfer-Encoding: base64",
          "",
          "JVBERi0xLjQKJeLjz9MK",
          "",
        ].join("\r\n"),
      ),
    );
    // The same file in a second mailbox export: one source, two locations.
    mkdirSync(join(evidence, "copy"), { recursive: true });
    writeFileSync(join(evidence, "copy", "1.eml"), EML(1));
    const r = runCli(["ingest", "--case", caseDir, "--json", "--jobs", "1", evidence]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        "sources",
        "messages",
        "attachments",
        "items",
        "exceptions",
        "byType",
        "exceptionsByReason",
      ]),
    );
    expect(report.sources).toHaveLength(2);
    expect(report.sources[0]).toMatchObject({ format: "eml", declared: 1, read: 1, locations: 2 });
    expect(report.messages).toBe(2);
    expect(report.attachments).toBe(1);
    // A truncated PDF is recorded, not dropped.
    expect(report.exceptionsByReason).toHaveProperty("corrupt");
  });

  it("lists items, exceptions, sources and the audit log", () => {
    const items = runCli(["items", "--case", caseDir])
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(items.map((i) => i.kind).sort()).toEqual(["attachment", "message", "message"]);
    const att = items.find((i) => i.kind === "attachment");
    expect(att).toMatchObject({ mediaType: "application/pdf", exception: "corrupt" });
    expect(att.provenance).toMatch(/^source:\d+:2\.eml\/msg:1\/att:1:scan\.pdf$/);

    const csv = runCli(["exceptions", "--case", caseDir]).stdout.trim().split("\n");
    expect(csv[0]).toBe("id,source,provenance,item_id,reason,where,detail,stage,created_at");
    expect(csv).toHaveLength(2);
    const json = runCli(["exceptions", "--case", caseDir, "--format", "json"]).stdout.trim();
    expect(JSON.parse(json)).toMatchObject({ reason: "corrupt" });

    const sources = runCli(["sources", "--case", caseDir, "--json"])
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(sources[0].paths).toHaveLength(2);
    expect(sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    const audit = runCli(["audit", "--case", caseDir, "--json"])
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(audit.map((e) => e.command)).toEqual(["case init", "ingest:start", "ingest:end", "items"]);
  });

  it("recognises evidence already ingested and reports missing paths with a non-zero exit", () => {
    const r = runCli(["ingest", "--case", caseDir, "--json", join(evidence, "inbox"), join(dir, "nope.pst")]);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.sources.map((s: { status: string }) => s.status)).toEqual([
      "already-ingested",
      "already-ingested",
    ]);
    expect(report.missing).toEqual([join(dir, "nope.pst")]);
  });

  it("rejects a bad option value with a clear message", () => {
    const r = runCli(["exceptions", "--case", caseDir, "--format", "xml"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--format must be csv or json");
  });

  it("detects personal data in plain text and scores it against gold spans", () => {
    const text = "Patient: Maria Gonzalez\nDOB: 03/04/1961\nSSN: 512-44-8822\nMRN: 00123456\n";
    const file = join(dir, "note.txt");
    writeFileSync(file, text);
    const r = runCli(["detect", "--text", file, "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const found = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(found.map((f) => f.entity)).toEqual(
      expect.arrayContaining(["PERSON_NAME", "DATE_OF_BIRTH", "SSN", "MRN"]),
    );
    // Without --json only counts are printed: no matched text on the terminal.
    const plain = runCli(["detect", "--text", file]);
    expect(plain.stdout).not.toContain("512-44-8822");
    expect(plain.stdout).toMatch(/SSN\s+1/);

    const gold = join(dir, "gold.jsonl");
    const ssn = text.indexOf("512-44-8822");
    writeFileSync(
      gold,
      `${JSON.stringify({ text, spans: [{ entity: "SSN", start: ssn, end: ssn + 11 }] })}\n`,
    );
    const e = runCli(["eval", "--gold", gold, "--detectors", "ssn"]);
    expect(e.status, e.stderr).toBe(0);
    expect(e.stdout).toContain("SSN");
    expect(runCli(["detect", "--text", file, "--detectors", "nope"]).stderr).toContain("unknown detector");
  });
});
