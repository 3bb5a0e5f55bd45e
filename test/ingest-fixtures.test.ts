import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initCase, type OpenCase } from "../src/case/case.js";
import { ingest } from "../src/ingest/ingest.js";
import type { IngestReport } from "../src/ingest/report.js";
import type { ItemRow } from "../src/store/types.js";
import { FIXTURES_DIR, hasFixtures, NO_FIXTURES, packageFile } from "./fixtures.js";

/**
 * Conformance over every real sample in ../shared/fixtures (and the larger Outlook files that
 * the pst-extractor package ships): each source yields its messages, attachments and text, or
 * the expected exception — never a silent zero.
 */
describe.skipIf(!hasFixtures)(`ingest of every fixture ${NO_FIXTURES}`, () => {
  let dir: string;
  let c: OpenCase;
  let report: IngestReport;
  const items: ItemRow[] = [];
  const bySource = new Map<string, ItemRow[]>();
  const exceptionsBySource = new Map<string, string[]>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "bs-fixtures-"));
    c = await initCase(join(dir, "case"));
    report = await ingest(c, {
      paths: [
        join(FIXTURES_DIR, "pst"),
        join(FIXTURES_DIR, "msg"),
        join(FIXTURES_DIR, "eml"),
        join(FIXTURES_DIR, "mbox"),
        join(FIXTURES_DIR, "tnef"),
        join(FIXTURES_DIR, "docs"),
        join(FIXTURES_DIR, "zip"),
        packageFile("pst-extractor", "example/testdata/enron.pst"),
        packageFile("pst-extractor", "example/testdata/pstextractortest@outlook.com.ost"),
      ],
      jobs: 2,
      ocr: true,
    });
    const paths = new Map((await c.store.listSources()).map((s) => [s.id, s.path]));
    for await (const it of c.store.items()) {
      items.push(it);
      const p = paths.get(it.sourceId) ?? "";
      bySource.set(p, [...(bySource.get(p) ?? []), it]);
    }
    for await (const x of c.store.exceptions()) {
      const p = paths.get(x.sourceId) ?? "";
      exceptionsBySource.set(p, [...(exceptionsBySource.get(p) ?? []), x.reason]);
    }
  }, 600_000);

  afterAll(async () => {
    await c?.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const itemsOf = (suffix: string) => [...bySource.entries()].find(([p]) => p.endsWith(suffix))?.[1] ?? [];
  const reasonsOf = (suffix: string) =>
    [...exceptionsBySource.entries()].find(([p]) => p.endsWith(suffix))?.[1] ?? [];

  it("accounts for every source: something read or an exception, and no unexplained shortfall", () => {
    expect(report.sources.length).toBeGreaterThan(100);
    for (const s of report.sources) {
      expect(s.items + s.exceptions, s.path).toBeGreaterThan(0);
      if (s.declared !== null && s.read < s.declared) {
        expect(reasonsOf(s.path), `${s.path} is short without an exception`).toContain("declared-not-read");
      }
    }
    expect(report.missing).toEqual([]);
  });

  it("reads the libyal PST: 2 messages and 22 attachments", () => {
    const it = itemsOf("libyal-outlook.pst");
    expect(it.filter((i) => i.kind === "message")).toHaveLength(2);
    expect(it.filter((i) => i.kind === "attachment")).toHaveLength(22);
  });

  it("reads enron.pst: 71 messages and 70 attachments", () => {
    const it = itemsOf("enron.pst");
    expect(it.filter((i) => i.kind === "message").length).toBe(71);
    expect(it.filter((i) => i.kind === "attachment").length).toBe(70);
  });

  it("reads the embedded message in tika-testPST.pst", () => {
    expect(itemsOf("tika-testPST.pst").some((i) => i.kind === "embedded-message")).toBe(true);
  });

  it("reads an OST in the 2013 format", () => {
    const it = itemsOf("pstextractortest@outlook.com.ost");
    expect(it.filter((i) => i.kind === "message").length).toBeGreaterThan(0);
  });

  it("reads the kinds of Outlook items from MSG files", () => {
    expect(itemsOf("tika-testMSG_Appointment.msg")[0]?.kind).toBe("appointment");
    expect(itemsOf("tika-testMSG_Contact.msg")[0]?.kind).toBe("contact");
    expect(itemsOf("tika-testMSG_Task.msg")[0]?.kind).toBe("task");
    expect(itemsOf("tika-testMSG_StickyNote.msg")[0]?.kind).toBe("note");
    const nested = itemsOf("msgreader-msgInMsgInMsg.msg").filter((i) => i.kind === "embedded-message");
    expect(nested.length).toBeGreaterThanOrEqual(2);
  });

  it("reads the five attachments of winmail.dat", () => {
    const it = itemsOf("tika-testWINMAIL.dat");
    expect(it.filter((i) => i.kind === "member")).toHaveLength(5);
  });

  it("records the encrypted and corrupt archives as exceptions", () => {
    expect(reasonsOf("tika-testZipEncrypted.zip")).toContain("encrypted");
    expect(
      reasonsOf("tika-testZIP_corrupted_oom.zip").some((r) => r === "corrupt" || r === "truncated"),
    ).toBe(true);
    expect(itemsOf("tika-test-documents.zip").length).toBeGreaterThanOrEqual(9);
  });

  it("extracts text from every document type, OCR included", async () => {
    for (const name of [
      "tika-testPDF.pdf",
      "tika-testWORD.docx",
      "tika-testWORD.doc",
      "tika-testEXCEL.xlsx",
      "tika-testEXCEL.xls",
      "tika-testRTF.rtf",
      "tika-testOCR.jpg",
      "tika-testOCR.pdf",
    ]) {
      const [item] = itemsOf(name);
      expect(item, name).toBeDefined();
      expect(item!.textLength, name).toBeGreaterThan(10);
    }
  });

  it("splits MBOX files into their messages", () => {
    expect(itemsOf("tika-complex.mbox").filter((i) => i.kind === "message")).toHaveLength(3);
  });

  it("keeps every provenance unique and rooted in its source", () => {
    const set = new Set(items.map((i) => i.provenance));
    expect(set.size).toBe(items.length);
    for (const i of items) expect(i.provenance).toMatch(/^source:\d+:/);
  });
});
