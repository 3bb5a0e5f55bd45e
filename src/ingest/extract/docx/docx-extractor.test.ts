import { readFileSync } from "node:fs";
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { encryptedOoxmlSample as encryptedOoxml } from "../office/build-cfb.js";
import { readZipEntries } from "../office/zip-read.js";
import { docxExtractor } from "./docx-extractor.js";
import { odtExtractor } from "./odt-extractor.js";

const run = (bytes: Uint8Array) =>
  docxExtractor({
    bytes,
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    limits: DEFAULT_LIMITS,
    ocr: false,
  });

async function sampleDocx(): Promise<Uint8Array> {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph("Patient: Jane Roe  MRN 00123")] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun("Confidential – Ward 4")],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            children: [new TextRun("Discharge "), new TextRun({ text: "summary", bold: true })],
          }),
          new Table({
            rows: [
              new TableRow({ children: [cell("Name"), cell("DOB")] }),
              new TableRow({ children: [cell("John Doe"), cell("1970-01-02")] }),
            ],
          }),
          new Paragraph("End of note"),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("docxExtractor", () => {
  it("reads body, tables as tab-separated rows, headers and footers", async () => {
    const r = await run(await sampleDocx());
    expect(r.exceptions).toEqual([]);
    expect(r.text).toContain("Discharge summary");
    expect(r.text).toContain("Name\tDOB\nJohn Doe\t1970-01-02");
    expect(r.text).toContain("Patient: Jane Roe MRN 00123");
    expect(r.text).toContain("Confidential – Ward 4");
    expect(r.meta).toMatchObject({ header: 1, footer: 1 });
  });

  it("reports random bytes as corrupt", async () => {
    const junk = new Uint8Array(3000).map((_, i) => (i * 31) % 256);
    const r = await run(junk);
    expect(r.text).toBe("");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
  });

  it("reports a truncated package as corrupt", async () => {
    const bytes = await sampleDocx();
    const r = await run(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(r.exceptions.map((e) => e.reason)).toContain("corrupt");
  });

  it("reports an encrypted package as password-protected", async () => {
    const r = await run(encryptedOoxml());
    expect(r.exceptions.map((e) => e.reason)).toEqual(["password-protected"]);
    expect(r.meta).toEqual({ encrypted: true });
  });
});

describe.skipIf(!hasFixtures)(`docx and odt on Tika's documents (${NO_FIXTURES})`, () => {
  it("reads tika-testWORD.docx including header, footer, table and title property", async () => {
    const r = await run(readFileSync(fixture("docs/tika-testWORD.docx")));
    expect(r.exceptions).toEqual([]);
    expect(r.text.startsWith("Sample Word Document Title\nAnd now for a subtitle")).toBe(true);
    expect(r.text).toContain("This document includes text that is BOLD and ITALIC.");
    expect(r.text).toContain("Nested table");
    expect(r.text).toContain("Apache POI: http://poi.apache.org/ POI");
    expect(r.text).toContain("This is the header for our document");
    expect(r.text).toContain("This is the footer for our document");
    expect(r.text).toContain("Title: Sample Word Document");
  });

  it("reads the ODT inside tika-test-documents.zip", async () => {
    const zip = await readZipEntries(
      readFileSync(fixture("zip/tika-test-documents.zip")),
      (n) => n.endsWith(".odt"),
      DEFAULT_LIMITS,
    );
    const odt = zip.entries.get("testOpenOffice2.odt");
    expect(odt).toBeDefined();
    const r = await odtExtractor({
      bytes: odt!,
      mediaType: "application/vnd.oasis.opendocument.text",
      limits: DEFAULT_LIMITS,
      ocr: false,
    });
    expect(r.exceptions).toEqual([]);
    expect(r.text).toBe("This is a sample Open Office document, written in NeoOffice 2.2.1 for the Mac.");
  });
});
