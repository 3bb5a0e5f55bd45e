import { readFileSync } from "node:fs";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS, type Limits } from "../../../core/limits.js";
import { shutdownOcr } from "../ocr/ocr-engine.js";
import { encryptedPdfSample } from "./encrypt-sample.js";
import { layoutPageText } from "./page-text.js";
import { pdfExtractor, usableChars } from "./pdf-extractor.js";

afterAll(() => shutdownOcr());

const run = (bytes: Uint8Array, ocr = true, limits: Limits = DEFAULT_LIMITS) =>
  pdfExtractor({ bytes, mediaType: "application/pdf", limits, ocr });

async function twoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const [i, lines] of [
    ["Patient: Jane Roe", "DOB: 1970-01-02"],
    ["Patient: John Doe", "MRN 00456"],
  ].entries()) {
    const page = doc.addPage([612, 792]);
    lines.forEach((line, j) => {
      page.drawText(line, { x: 72, y: 700 - j * 20, size: 12, font });
    });
    page.drawText(`page ${i + 1}`, { x: 400, y: 700, size: 12, font });
  }
  return doc.save();
}

describe("layoutPageText", () => {
  it("breaks lines on baseline changes and separates columns with tabs", () => {
    const item = (str: string, x: number, y: number, width: number, hasEOL = false) => ({
      str,
      transform: [10, 0, 0, 10, x, y],
      width,
      height: 10,
      hasEOL,
    });
    const text = layoutPageText([
      item("Name", 0, 100, 25),
      item("MRN", 200, 100, 20),
      item("Jane", 0, 85, 22),
      item("Roe", 25, 85, 18),
      item("001", 200, 85, 15, true),
      item("end", 0, 70, 15),
    ]);
    expect(text).toBe("Name\tMRN\nJane Roe\t001\nend");
  });
});

describe("usableChars", () => {
  it("counts letters and digits but not private-use glyph codes", () => {
    expect(usableChars("Jane Roe, 1970")).toBe(11);
    expect(usableChars("\ue001\ue002\ue003 \ufffd\ufffd")).toBe(0);
  });
});

describe("pdfExtractor", () => {
  it("reads every page's text in order and declares the page count", async () => {
    const r = await run(await twoPagePdf());
    expect(r.exceptions).toEqual([]);
    expect(r.declared).toBe(2);
    // Content-stream order: the page label was drawn last.
    expect(r.text).toBe("Patient: Jane Roe\nDOB: 1970-01-02\npage 1\n\nPatient: John Doe\nMRN 00456\npage 2");
  });

  it("adds filled form fields and comments, which the text layer lacks", async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    const form = doc.getForm();
    const name = form.createTextField("intake.patientName");
    name.setText("Jane Roe");
    name.addToPage(page, { x: 72, y: 700, width: 200, height: 20 });
    const consent = form.createCheckBox("consent");
    consent.check();
    consent.addToPage(page, { x: 72, y: 650, width: 20, height: 20 });
    const ward = form.createDropdown("ward");
    ward.addOptions(["Cardiology", "Oncology"]);
    ward.select("Oncology");
    ward.addToPage(page, { x: 72, y: 600, width: 100, height: 20 });
    const r = await run(await doc.save());
    expect(r.exceptions).toEqual([]);
    expect(r.text).toBe("patientName: Jane Roe\nward: Oncology");
  });

  it("stops at the text limit with a size-limit exception", async () => {
    const r = await run(await twoPagePdf(), true, { ...DEFAULT_LIMITS, maxTextChars: 10 });
    expect(r.text.length).toBeLessThanOrEqual(10);
    expect(r.exceptions.map((e) => e.reason)).toEqual(["size-limit"]);
    expect(r.exceptions[0]?.detail).toContain("page 2 not read");
  });

  it("reports a truncated PDF as corrupt instead of throwing", async () => {
    const bytes = await twoPagePdf();
    const r = await run(bytes.subarray(0, 200));
    expect(r.text).toBe("");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
  });

  it("reads a PDF encrypted with an empty user password and notes the encryption", async () => {
    const r = await run(await encryptedPdfSample(["Patient: Jane Roe", "MRN 00123"], ""));
    expect(r.exceptions).toEqual([]);
    expect(r.text).toBe("Patient: Jane Roe\nMRN 00123");
    expect(r.meta).toEqual({ pages: 1, encrypted: true });
  });

  it("records password-protected when a user password is required", async () => {
    const r = await run(await encryptedPdfSample(["Patient: Jane Roe"], "secret"));
    expect(r.text).toBe("");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["password-protected"]);
  });

  it("reports random bytes as corrupt", async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    const r = await run(junk);
    expect(r.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
  });
});

describe.skipIf(!hasFixtures)(`pdfExtractor on Tika's PDFs (${NO_FIXTURES})`, () => {
  it("extracts the text layer of tika-testPDF.pdf", async () => {
    const r = await run(readFileSync(fixture("docs/tika-testPDF.pdf")));
    expect(r.exceptions).toEqual([]);
    expect(r.declared).toBe(1);
    expect(r.text).toContain("Tika - Content Analysis Toolkit");
    expect(r.text).toContain("March 22nd, 2007: Apache Tika project started");
    expect(r.text).toContain(
      "from various documents using existing parser libraries.\nApache Tika is an effort",
    );
    expect(r.meta?.["scannedPages"]).toBeUndefined();
  });

  it("OCRs the scanned page of tika-testOCR.pdf", async () => {
    const r = await run(readFileSync(fixture("docs/tika-testOCR.pdf")));
    expect(r.exceptions).toEqual([]);
    expect(r.text).toContain("Happy New Year 2003");
    expect(r.meta).toMatchObject({ pages: 1, scannedPages: 1, ocrPages: 1 });
  });

  it("leaves scanned pages alone when OCR is off, and counts them", async () => {
    const r = await run(readFileSync(fixture("docs/tika-testOCR.pdf")), false);
    expect(r.text).toBe("");
    expect(r.meta).toMatchObject({ scannedPages: 1, unreadScannedPages: 1 });
    expect(r.exceptions.map((x) => x.reason)).toContain("skipped");
  });

  it("respects maxOcrPages", async () => {
    const r = await run(readFileSync(fixture("docs/tika-testOCR.pdf")), true, {
      ...DEFAULT_LIMITS,
      maxOcrPages: 0,
    });
    expect(r.text).toBe("");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["size-limit"]);
    expect(r.exceptions[0]?.detail).toContain("scanned page 1 not recognised");
  });
});
