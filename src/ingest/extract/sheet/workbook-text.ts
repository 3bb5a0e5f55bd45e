import { type CellObject, utils, type WorkBook } from "@e965/xlsx";
import type { ExceptionInput } from "../../../core/exception.js";
import { cellText } from "./cell-text.js";

export interface WorkbookText {
  text: string;
  sheets: number;
  rows: number;
  cells: number;
  exceptions: ExceptionInput[];
}

/**
 * A workbook as text: per sheet a `Sheet: <name>` line, then one line per non-empty row with
 * cells separated by tabs (column positions kept). Stops adding cells at `maxCells` for the
 * whole workbook, recording which sheet was cut and how many of its rows were kept.
 */
export function workbookText(wb: WorkBook, maxCells: number): WorkbookText {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const lines: string[] = [];
  const exceptions: ExceptionInput[] = [];
  let cells = 0;
  let rows = 0;
  wb.SheetNames.forEach((name, index) => {
    const ws = wb.Sheets[name];
    lines.push(`Sheet: ${name}`);
    if (!ws) return;
    // Sheet names can be content ("Smith, J - labs"): exceptions name the sheet by position only.
    const where = `sheet ${index + 1}`;
    const data = (ws["!data"] ?? []) as (CellObject[] | undefined)[];
    const ref = ws["!ref"];
    const fullRef = (ws["!fullref"] as string | undefined) ?? ref;
    const totalRows = fullRef ? utils.decode_range(fullRef).e.r + 1 : data.length;
    // Only the row cap given to the parser makes !fullref larger than !ref; a declared range
    // larger than the rows holding data (formatting, empty rows) is not a truncation.
    const cutByParser =
      fullRef !== undefined &&
      ref !== undefined &&
      utils.decode_range(fullRef).e.r > utils.decode_range(ref).e.r;
    if (cells >= maxCells) {
      exceptions.push({
        reason: "size-limit",
        detail: `cell limit of ${maxCells} reached; 0 of ${totalRows} rows read`,
        where,
      });
      return;
    }
    let r = 0;
    for (; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      if (cells + row.length > maxCells) break;
      const texts: string[] = [];
      for (let c = 0; c < row.length; c++) texts.push(cellText(row[c], date1904));
      cells += row.length;
      const line = texts.join("\t").replace(/\t+$/, "");
      if (line.trim() === "") continue;
      lines.push(line);
      rows++;
    }
    if (r < data.length || cutByParser) {
      exceptions.push({
        reason: "size-limit",
        detail: `cell limit of ${maxCells} reached; ${Math.min(r, data.length)} of ${totalRows} rows read`,
        where,
      });
    }
  });
  return { text: lines.join("\n"), sheets: wb.SheetNames.length, rows, cells, exceptions };
}
