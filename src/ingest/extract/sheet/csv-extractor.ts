import type { ExceptionInput } from "../../../core/exception.js";
import { decodeText } from "../text/decode-text.js";
import { limitText } from "../text/limit-text.js";
import type { Extractor, ExtractResult } from "../types.js";
import { parseDelimited, sniffDelimiter } from "./csv.js";
import { MAX_CELLS } from "./spreadsheet-extractor.js";

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

/**
 * CSV/TSV: decoded (BOM, UTF-8, UTF-16 or windows-1252), delimiter sniffed, quoted fields
 * handled; output is one line per record with cells separated by tabs, like a sheet's rows.
 * Values are kept as written (no number or date conversion, so leading zeros survive).
 */
export function makeCsvExtractor(maxCells = MAX_CELLS): Extractor {
  return async (input): Promise<ExtractResult> => {
    const decoded = decodeText(input.bytes);
    const exceptions: ExceptionInput[] = [...decoded.exceptions];
    const delim = sniffDelimiter(decoded.text);
    const lines: string[] = [];
    let cells = 0;
    let records = 0;
    let cut = false;
    parseDelimited(decoded.text, delim, (row) => {
      if (cells + row.length > maxCells) {
        cut = true;
        return false;
      }
      cells += row.length;
      records++;
      const line = row
        .map((c) => c.replace(/[\t\r\n]+/g, " ").trim())
        .join("\t")
        .replace(/\t+$/, "");
      if (line.trim() !== "") lines.push(line);
      return true;
    });
    if (cut) {
      exceptions.push({
        reason: "size-limit",
        detail: `cell limit of ${maxCells} reached after ${records} records`,
      });
    }
    const text = limitText(lines.join("\n"), input.limits, exceptions);
    return {
      text,
      exceptions,
      meta: { delimiter: DELIMITER_NAMES[delim] ?? delim, charset: decoded.charset, rows: lines.length },
    };
  };
}

export const csvExtractor: Extractor = makeCsvExtractor();
