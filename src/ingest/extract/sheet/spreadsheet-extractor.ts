import { read, type WorkBook } from "@e965/xlsx";
import { describeError, type ExceptionInput } from "../../../core/exception.js";
import type { Limits } from "../../../core/limits.js";
import { MEDIA } from "../media-types.js";
import { hasCfbMagic } from "../office/cfb-directory.js";
import { passwordProtected } from "../office/encrypted-office-extractor.js";
import { officeEncryption } from "../office/encryption.js";
import { readZipEntries } from "../office/zip-read.js";
import { looksLikeText } from "../text/decode-text.js";
import { limitText } from "../text/limit-text.js";
import type { Extractor, ExtractResult } from "../types.js";
import { workbookText } from "./workbook-text.js";

/** Most cells read from one workbook; the rest of a huge sheet is recorded as not read. */
export const MAX_CELLS = 2_000_000;
/**
 * Most rows SheetJS materialises per sheet. SheetJS is not streaming: this (not MAX_CELLS)
 * is what bounds memory while parsing, since the column count is unknown beforehand.
 */
export const MAX_ROWS_PER_SHEET = 250_000;

function isZip(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** A bare BIFF2–BIFF5 stream (Excel 2–5 saved without an OLE wrapper) starts with a BOF record. */
function isBareBiff(b: Uint8Array): boolean {
  return (b[0] === 0x09 || b[0] === 0x00) && [0x00, 0x02, 0x04, 0x08].includes(b[1] ?? -1) && b.length > 8;
}

/** Whether the bytes can be the spreadsheet format named, so SheetJS never reads noise as CSV. */
function plausible(bytes: Uint8Array, mediaType: string): boolean {
  if (mediaType === MEDIA.xlsx || mediaType === MEDIA.ods) return isZip(bytes);
  // .xls files in the wild are also SpreadsheetML 2003 XML or HTML tables.
  return hasCfbMagic(bytes) || isBareBiff(bytes) || isZip(bytes) || looksLikeText(bytes);
}

// Packages below this inflated size are never treated as bombs (sheet XML compresses ~20:1).
const RATIO_FLOOR_BYTES = 64 * 1024 * 1024;

/**
 * SheetJS inflates a whole package in memory with no limit of its own: check the sizes its
 * directory declares against the item and ratio limits first.
 */
async function packageTooLarge(bytes: Uint8Array, limits: Limits): Promise<ExceptionInput | undefined> {
  const inventory = await readZipEntries(bytes, () => false, limits);
  const total = inventory.declaredBytes;
  if (total > limits.maxItemBytes || total > limits.maxArchiveBytes) {
    return { reason: "size-limit", detail: `package inflates to ${total} bytes` };
  }
  const ratio = total / Math.max(1, bytes.length);
  if (total > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
    return { reason: "ratio-limit", detail: `package compression ratio ${Math.round(ratio)}` };
  }
  return undefined;
}

/**
 * Workbooks (XLSX/XLSM, XLS, ODS, SpreadsheetML): per sheet `Sheet: <name>` and rows of
 * tab-separated formatted cells, dates as ISO. Cell count is bounded by `maxCells`.
 */
export function makeSpreadsheetExtractor(maxCells = MAX_CELLS, maxRows = MAX_ROWS_PER_SHEET): Extractor {
  return async (input): Promise<ExtractResult> => {
    const exceptions: ExceptionInput[] = [];
    if (hasCfbMagic(input.bytes) && officeEncryption(input.bytes)) {
      return { text: "", exceptions: [passwordProtected("Spreadsheet")], meta: { encrypted: true } };
    }
    if (!plausible(input.bytes, input.mediaType)) {
      return {
        text: "",
        exceptions: [{ reason: "corrupt", detail: "bytes are not in a spreadsheet format" }],
      };
    }
    if (isZip(input.bytes)) {
      const bomb = await packageTooLarge(input.bytes, input.limits);
      if (bomb) return { text: "", exceptions: [bomb] };
    }
    let wb: WorkBook;
    try {
      wb = read(input.bytes, {
        type: "array",
        dense: true,
        cellNF: true,
        cellText: true,
        cellDates: false,
        cellFormula: false,
        cellHTML: false,
        bookVBA: false,
        // Bounds the rows SheetJS materialises per sheet; the workbook-wide cell limit is below.
        sheetRows: maxRows,
      });
    } catch (err) {
      const message = describeError(err);
      const reason = /password|encrypt/i.test(message) ? "password-protected" : "corrupt";
      return { text: "", exceptions: [{ reason, detail: `spreadsheet unreadable: ${message}` }] };
    }
    const book = workbookText(wb, maxCells);
    exceptions.push(...book.exceptions);
    const text = limitText(book.text, input.limits, exceptions);
    const hidden = (wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden).length;
    const meta: Record<string, string | number | boolean> = { sheets: book.sheets, rows: book.rows };
    if (hidden > 0) meta["hiddenSheets"] = hidden;
    return { text, exceptions, declared: book.sheets, meta };
  };
}

export const spreadsheetExtractor: Extractor = makeSpreadsheetExtractor();
