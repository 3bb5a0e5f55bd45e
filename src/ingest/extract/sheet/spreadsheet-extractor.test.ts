import { readFileSync } from "node:fs";
import { utils, write } from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { MEDIA } from "../media-types.js";
import { encryptedOoxmlSample } from "../office/build-cfb.js";
import { makeSpreadsheetExtractor, spreadsheetExtractor } from "./spreadsheet-extractor.js";

const run = (bytes: Uint8Array, mediaType: string = MEDIA.xlsx, extractor = spreadsheetExtractor) =>
  extractor({ bytes, mediaType, limits: DEFAULT_LIMITS, ocr: false });

/** A patient list with a date, an SSN-formatted number and a zero-padded MRN. */
function patientBook(bookType: "xlsx" | "xls" | "ods", rows = 2): Uint8Array {
  const ws = utils.aoa_to_sheet([["Name", "DOB", "SSN", "MRN"]]);
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    ws[`A${r}`] = { t: "s", v: i === 0 ? "Jane Roe" : `Patient ${r}` };
    ws[`B${r}`] = { t: "n", v: 25570 + i, z: "m/d/yy" }; // 1970-01-02
    ws[`C${r}`] = { t: "n", v: 123456789, z: "000-00-0000" };
    ws[`D${r}`] = { t: "s", v: "00123" };
  }
  ws["!ref"] = `A1:D${rows + 1}`;
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, "Patients");
  utils.book_append_sheet(wb, utils.aoa_to_sheet([["note", "multi\nline"]]), "Notes");
  return new Uint8Array(write(wb, { type: "array", bookType }) as ArrayBuffer);
}

describe("spreadsheetExtractor", () => {
  // SheetJS's ODS writer drops custom number formats, so the ODS sample's SSN is unformatted.
  it.each([
    ["xlsx", MEDIA.xlsx, "123-45-6789"],
    ["xls", MEDIA.xls, "123-45-6789"],
    ["ods", MEDIA.ods, "123456789"],
  ] as const)("renders %s rows with ISO dates and formatted numbers", async (bookType, mediaType, ssn) => {
    const r = await run(patientBook(bookType), mediaType);
    expect(r.exceptions).toEqual([]);
    expect(r.text.split("\n").slice(0, 3)).toEqual([
      "Sheet: Patients",
      "Name\tDOB\tSSN\tMRN",
      `Jane Roe\t1970-01-02\t${ssn}\t00123`,
    ]);
    expect(r.text).toContain("Sheet: Notes\nnote\tmulti line");
    expect(r.declared).toBe(2);
    expect(r.meta).toMatchObject({ sheets: 2, rows: 4 });
  });

  it("keeps the first rows of a huge sheet and records size-limit with the sheet and row count", async () => {
    const small = makeSpreadsheetExtractor(40);
    const r = await run(patientBook("xlsx", 20), MEDIA.xlsx, small);
    const lines = r.text.split("\n");
    expect(lines.filter((l) => l.startsWith("Patient ")).length).toBe(8);
    expect(r.exceptions).toEqual([
      {
        reason: "size-limit",
        detail: "cell limit of 40 reached; 10 of 21 rows read",
        where: "sheet 1",
      },
      {
        reason: "size-limit",
        detail: "cell limit of 40 reached; 0 of 1 rows read",
        where: "sheet 2",
      },
    ]);
  });

  it("records the per-sheet row cap applied while parsing", async () => {
    const capped = makeSpreadsheetExtractor(1000, 5);
    const r = await run(patientBook("xlsx", 20), MEDIA.xlsx, capped);
    expect(r.exceptions[0]).toMatchObject({
      reason: "size-limit",
      detail: "cell limit of 1000 reached; 5 of 21 rows read",
    });
  });

  it("refuses a package that inflates beyond the item limit before SheetJS reads it", async () => {
    const r = await spreadsheetExtractor({
      bytes: patientBook("xlsx"),
      mediaType: MEDIA.xlsx,
      limits: { ...DEFAULT_LIMITS, maxItemBytes: 1000 },
      ocr: false,
    });
    expect(r.text).toBe("");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["size-limit"]);
  });

  it("reports random bytes as corrupt", async () => {
    const junk = new Uint8Array(4000).map((_, i) => (i * 17 + 3) % 256);
    for (const t of [MEDIA.xlsx, MEDIA.xls]) {
      const r = await run(junk, t);
      expect(r.text).toBe("");
      expect(r.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
    }
  });

  it("reports a damaged XLSX package as corrupt", async () => {
    const bytes = patientBook("xlsx");
    const r = await run(bytes.subarray(0, 600));
    expect(r.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
  });

  it("reports an encrypted workbook as password-protected", async () => {
    const r = await run(encryptedOoxmlSample());
    expect(r.exceptions.map((e) => e.reason)).toEqual(["password-protected"]);
  });
});

describe.skipIf(!hasFixtures)(`spreadsheetExtractor on Tika's workbooks (${NO_FIXTURES})`, () => {
  it.each([
    ["docs/tika-testEXCEL.xls", MEDIA.xls],
    ["docs/tika-testEXCEL.xlsx", MEDIA.xlsx],
  ])("reads %s", async (rel, mediaType) => {
    const r = await run(readFileSync(fixture(rel)), mediaType);
    expect(r.exceptions).toEqual([]);
    const lines = r.text.split("\n");
    expect(lines[0]).toBe("Sheet: Feuil1");
    expect(lines[1]).toBe("Sample Excel Worksheet - Numbers and their Squares");
    expect(lines[2]).toBe("\tNumber\tSquare");
    expect(lines).toContain("\t15\t225");
    expect(lines).toContain("Written and saved in Microsoft Excel X for Mac Service Release 1.");
    expect(lines.slice(-2)).toEqual(["Sheet: Feuil2", "Sheet: Feuil3"]);
    expect(r.meta).toEqual({ sheets: 3, rows: 18 });
  });
});
