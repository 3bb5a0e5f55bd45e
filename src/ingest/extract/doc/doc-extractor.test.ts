import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { buildCfb } from "../office/build-cfb.js";
import { readZipEntries } from "../office/zip-read.js";
import { docExtractor } from "./doc-extractor.js";

const run = (bytes: Uint8Array) =>
  docExtractor({ bytes, mediaType: "application/msword", limits: DEFAULT_LIMITS, ocr: false });

describe("docExtractor on damaged input", () => {
  it("reports random bytes as corrupt", async () => {
    const r = await run(new Uint8Array(5000).map((_, i) => (i * 13) % 256));
    expect(r.text).toBe("");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
  });

  it("reports an encrypted DOC (fEncrypted in the FIB) as password-protected", async () => {
    const fib = new Uint8Array(6000);
    fib.set([0xec, 0xa5, 0xc1, 0x00], 0);
    fib[0x0b] = 0x01;
    const r = await run(buildCfb({ WordDocument: fib, "1Table": new Uint8Array(600) }));
    expect(r.exceptions.map((e) => e.reason)).toEqual(["password-protected"]);
    expect(r.meta).toEqual({ encrypted: true });
  });
});

describe.skipIf(!hasFixtures)(`docExtractor on Tika's DOC files (${NO_FIXTURES})`, () => {
  it("reads body, table, headers and footers of tika-testWORD.doc", async () => {
    const r = await run(readFileSync(fixture("docs/tika-testWORD.doc")));
    expect(r.exceptions).toEqual([]);
    expect(r.text.startsWith("Sample Word Document Title\nAnd now for a subtitle")).toBe(true);
    expect(r.text).toContain("This document includes text that is BOLD and ITALIC.");
    expect(r.text).toContain("Apache POI: http://poi.apache.org/ POI");
    expect(r.text).toContain("This is the header for our document");
    expect(r.text).toContain("This is the footer for our document");
    expect(r.meta).toEqual({ headers: true, footers: true });
  });

  it("reports a truncated DOC as corrupt", async () => {
    const r = await run(readFileSync(fixture("docs/tika-testWORD.doc")).subarray(0, 9000));
    expect(r.text).toBe("");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
  });

  it("reads the older DOC inside tika-test-documents.zip", async () => {
    const zip = await readZipEntries(
      readFileSync(fixture("zip/tika-test-documents.zip")),
      (n) => n === "testWORD.doc",
      DEFAULT_LIMITS,
    );
    const r = await run(zip.entries.get("testWORD.doc")!);
    expect(r.text).toBe("Sample Word Document\n\nThis is a sample Microsoft Word Document.");
  });
});
