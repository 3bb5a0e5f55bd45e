import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3-multiple-ciphers";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, startCli } from "./cli.js";

/** An MBOX of `n` messages, each with a text attachment and a small zip-free CSV, plus some exact duplicates. */
function writeMbox(path: string, n: number): void {
  const parts: string[] = [];
  for (let i = 1; i <= n; i++) {
    const id = i % 50 === 0 ? i - 1 : i; // every 50th message repeats the previous one
    const csv = Buffer.from(`row,value\n${id},${"x".repeat(200)}\n`).toString("base64");
    parts.push(
      [
        `From sender${id}@example.org Mon Jan  1 00:00:00 2024`,
        `From: Sender ${id} <sender${id}@example.org>`,
        "To: desk@hospital.example",
        `Subject: Message ${id}`,
        "Date: Mon, 1 Jan 2024 10:00:00 +0000",
        `Message-ID: <m${id}@example.org>`,
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="b"',
        "",
        "--b",
        "Content-Type: text/plain",
        "",
        `Body of message ${id}. ${"lorem ipsum ".repeat(40)}`,
        "--b",
        `Content-Type: text/csv; name="list${id}.csv"`,
        "Content-Transfer-Encoding: base64",
        `Content-Disposition: attachment; filename="list${id}.csv"`,
        "",
        csv,
        "--b--",
        "",
      ].join("\n"),
    );
  }
  writeFileSync(path, parts.join("\n"));
}

function itemSet(caseDir: string): string[] {
  const r = runCli(["items", "--case", caseDir]);
  expect(r.status).toBe(0);
  return r.stdout
    .trim()
    .split("\n")
    .map((l) => {
      const o = JSON.parse(l) as Record<string, unknown>;
      return `${o.kind}|${String(o.provenance).replace(/^source:\d+:/, "")}|${o.sha256}|${o.textLength}|${o.duplicateOf !== undefined}`;
    })
    .sort();
}

function storedItems(caseDir: string): number {
  try {
    const db = new Database(join(caseDir, "case.sqlite"), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT COUNT(*) AS n FROM items").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe("crash and resume", () => {
  const dir = mkdtempSync(join(tmpdir(), "bs-resume-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a run killed with SIGKILL and resumed stores the same items as an uninterrupted run", async () => {
    const mbox = join(dir, "box.mbox");
    writeMbox(mbox, 3000);

    const a = join(dir, "a");
    expect(runCli(["case", "init", a]).status).toBe(0);
    const full = runCli(["ingest", "--case", a, "--jobs", "2", "--no-ocr", "--json", mbox]);
    expect(full.status, full.stderr).toBe(0);
    const expected = itemSet(a);
    expect(expected.length).toBeGreaterThan(5000);

    const b = join(dir, "b");
    expect(runCli(["case", "init", b]).status).toBe(0);
    const child = startCli(["ingest", "--case", b, "--jobs", "2", "--no-ocr", "--quiet", mbox], {
      stdio: "ignore",
    });
    const exited = new Promise<void>((res) => child.on("exit", () => res()));
    // Kill once part of the work is committed, so the resume has real work on both sides.
    const deadline = Date.now() + 60_000;
    while (storedItems(b) < 600 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await exited;
    const partial = storedItems(b);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(expected.length);

    const resumed = runCli(["ingest", "--case", b, "--jobs", "2", "--no-ocr", "--json", mbox]);
    expect(resumed.status, resumed.stderr).toBe(0);
    const report = JSON.parse(resumed.stdout) as {
      sources: { status: string; declared: number; read: number }[];
    };
    expect(report.sources[0]?.status).toBe("resumed");
    expect(report.sources[0]?.read).toBe(3000);
    expect(itemSet(b)).toEqual(expected);

    // A third run recognises the source as done and changes nothing.
    const again = runCli(["ingest", "--case", b, "--json", mbox]);
    expect((JSON.parse(again.stdout) as { sources: { status: string }[] }).sources[0]?.status).toBe(
      "already-ingested",
    );
    expect(itemSet(b)).toEqual(expected);
  }, 240_000);
});
