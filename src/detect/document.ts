import type { DetectDocument, TableBlock, TableCell, TableRow } from "./types.js";

/**
 * Structure derived once per text and shared by every detector: line starts and tabular blocks.
 *
 * Tabular blocks:
 * - a line `Sheet: <name>` (how ingest renders spreadsheets) starts a sheet; every following line is a
 *   row (cells split on tabs) until the next `Sheet:` line, two blank lines in a row, or the end;
 * - elsewhere, a run of 2+ consecutive lines containing a tab is a TSV block;
 * - a run of 3+ consecutive lines with the same number (2+) of unquoted commas is a CSV block.
 * Within the first three non-empty rows of a block, the first row whose cells all look like labels
 * (letters, no long digit runs, not dates) is the header row; its text is the context of every cell
 * below it in the same column.
 */
export function prepareDocument(text: string): DetectDocument {
  const lineStarts = computeLineStarts(text);
  return { text, lineStarts, tables: findTables(text, lineStarts) };
}

const derived = new WeakMap<
  DetectDocument,
  { lineStarts: readonly number[]; tables: readonly TableBlock[] }
>();

/** The document's structure, computed (and cached) when the caller did not prepare it. */
export function structureOf(doc: DetectDocument): {
  lineStarts: readonly number[];
  tables: readonly TableBlock[];
} {
  if (doc.lineStarts && doc.tables) return { lineStarts: doc.lineStarts, tables: doc.tables };
  let s = derived.get(doc);
  if (!s) {
    const lineStarts = doc.lineStarts ?? computeLineStarts(doc.text);
    s = { lineStarts, tables: doc.tables ?? findTables(doc.text, lineStarts) };
    derived.set(doc, s);
  }
  return s;
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf("\n");
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf("\n", i + 1);
  }
  return starts;
}

/** End of line `index` (exclusive, before any `\r\n`). */
export function lineEnd(text: string, lineStarts: readonly number[], index: number): number {
  const next = lineStarts[index + 1];
  let end = next === undefined ? text.length : next - 1;
  if (end > 0 && text.charCodeAt(end - 1) === 13 && end > (lineStarts[index] ?? 0)) end--;
  return end;
}

/** The rows of an unnamed table (lines `from` to `to`, exclusive), keyed `table<n>:<row>`. */
function unnamedRows(
  text: string,
  lineStarts: readonly number[],
  from: number,
  to: number,
  table: number,
  sep: "\t" | ",",
): TableRow[] {
  const rows: TableRow[] = [];
  for (let k = from; k < to; k++) {
    const start = lineStarts[k] ?? 0;
    const end = lineEnd(text, lineStarts, k);
    rows.push({ start, end, key: `table${table}:${k - from + 1}`, cells: splitCells(text, start, end, sep) });
  }
  return rows;
}

/** Index of the line containing `offset` (binary search). */
export function lineIndexAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface CellLocation {
  table: TableBlock;
  row: TableRow;
  rowIndex: number;
  cell: TableCell;
  /** The column header, when the block has a header row and this cell is below it. */
  header?: string;
}

/** The table cell containing the span [start, end), if any. */
export function cellAt(doc: DetectDocument, start: number, end = start + 1): CellLocation | undefined {
  const { tables } = structureOf(doc);
  const table = findBySpan(tables, start);
  if (!table || start >= table.end) return undefined;
  const rowIndex = indexBySpan(table.rows, start);
  const row = rowIndex < 0 ? undefined : table.rows[rowIndex];
  if (!row || start > row.end) return undefined;
  for (const cell of row.cells) {
    if (start >= cell.start && end <= cell.end) {
      const header =
        table.headerRow !== undefined && rowIndex > table.headerRow ? table.headers[cell.col] : undefined;
      return header ? { table, row, rowIndex, cell, header } : { table, row, rowIndex, cell };
    }
  }
  return undefined;
}

/** The row key ("sheet:row") for a span inside a table, if any. */
export function rowKeyAt(doc: DetectDocument, start: number): string | undefined {
  const { tables } = structureOf(doc);
  const table = findBySpan(tables, start);
  if (!table || start >= table.end) return undefined;
  const rowIndex = indexBySpan(table.rows, start);
  const row = table.rows[rowIndex];
  return row && start <= row.end ? row.key : undefined;
}

function findBySpan<T extends { start: number }>(items: readonly T[], offset: number): T | undefined {
  const i = indexBySpan(items, offset);
  return i < 0 ? undefined : items[i];
}

/** Index of the last item whose start <= offset, or -1. */
function indexBySpan(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid]?.start ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

// --- table discovery --------------------------------------------------------------------------

const SHEET_LINE = /^\s*Sheet:\s*(.*?)\s*$/;

function findTables(text: string, lineStarts: readonly number[]): TableBlock[] {
  const tables: TableBlock[] = [];
  const n = lineStarts.length;
  let unnamed = 0;
  let i = 0;
  while (i < n) {
    const start = lineStarts[i] ?? 0;
    const end = lineEnd(text, lineStarts, i);
    const first = text.charCodeAt(start);
    // Fast path: only lines that could start a block are examined closely.
    if ((first === 83 || first === 32 || first === 9) && isSheetLine(text, start, end)) {
      const name = SHEET_LINE.exec(text.slice(start, end))?.[1] ?? "";
      let j = i + 1;
      let blanks = 0;
      const rows: TableRow[] = [];
      let rowNumber = 0;
      while (j < n) {
        const s = lineStarts[j] ?? 0;
        const e = lineEnd(text, lineStarts, j);
        if (isSheetLine(text, s, e)) break;
        if (isBlank(text, s, e)) {
          blanks++;
          if (blanks >= 2) break;
          rowNumber++;
          j++;
          continue;
        }
        blanks = 0;
        rowNumber++;
        rows.push({
          start: s,
          end: e,
          key: `${name || "sheet"}:${rowNumber}`,
          cells: splitCells(text, s, e, "\t"),
        });
        j++;
      }
      if (rows.length > 0) tables.push(finishBlock(text, rows, "\t", name));
      i = j;
      continue;
    }
    if (hasChar(text, start, end, 9)) {
      let j = i;
      while (j < n) {
        const s = lineStarts[j] ?? 0;
        const e = lineEnd(text, lineStarts, j);
        if (!hasChar(text, s, e, 9) || isSheetLine(text, s, e)) break;
        j++;
      }
      if (j - i >= 2) {
        unnamed++;
        tables.push(finishBlock(text, unnamedRows(text, lineStarts, i, j, unnamed, "\t"), "\t", undefined));
        i = j;
        continue;
      }
    }
    const commas = hasChar(text, start, end, 44) ? countUnquotedCommas(text, start, end) : 0;
    if (commas >= 2) {
      let j = i + 1;
      while (j < n) {
        const s = lineStarts[j] ?? 0;
        const e = lineEnd(text, lineStarts, j);
        if (countUnquotedCommas(text, s, e) !== commas) break;
        j++;
      }
      if (j - i >= 3) {
        unnamed++;
        tables.push(finishBlock(text, unnamedRows(text, lineStarts, i, j, unnamed, ","), ",", undefined));
        i = j;
        continue;
      }
    }
    i++;
  }
  return tables;
}

function isSheetLine(text: string, start: number, end: number): boolean {
  let p = start;
  while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  return text.startsWith("Sheet:", p) && !hasChar(text, p, end, 9);
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

function hasChar(text: string, start: number, end: number, code: number): boolean {
  const i = text.indexOf(String.fromCharCode(code), start);
  return i !== -1 && i < end;
}

function countUnquotedCommas(text: string, start: number, end: number): number {
  let count = 0;
  let quoted = false;
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 34) quoted = !quoted;
    else if (c === 44 && !quoted) count++;
  }
  return count;
}

function splitCells(text: string, start: number, end: number, delimiter: "\t" | ","): TableCell[] {
  const cells: TableCell[] = [];
  const sep = delimiter.charCodeAt(0);
  let cellStart = start;
  let quoted = false;
  let col = 0;
  for (let p = start; p <= end; p++) {
    const c = p < end ? text.charCodeAt(p) : -1;
    if (delimiter === "," && c === 34) quoted = !quoted;
    if (p === end || (c === sep && !quoted)) {
      let s = cellStart;
      let e = p;
      while (s < e && isTrim(text.charCodeAt(s), delimiter)) s++;
      while (e > s && isTrim(text.charCodeAt(e - 1), delimiter)) e--;
      cells.push({ start: s, end: e, col });
      col++;
      cellStart = p + 1;
    }
  }
  return cells;
}

function isTrim(c: number, delimiter: "\t" | ","): boolean {
  return c === 32 || c === 13 || c === 160 || (delimiter === "," && c === 34);
}

const HEADER_CELL = /^[A-Za-z][A-Za-z0-9 .,#/_()&'?:%+-]{0,59}$/;
const LONG_DIGITS = /\d{4}/;

function looksLikeHeader(text: string, row: TableRow, singleColumn: boolean): boolean {
  let labels = 0;
  let filled = 0;
  for (const cell of row.cells) {
    if (cell.end <= cell.start) continue;
    filled++;
    const value = text.slice(cell.start, cell.end);
    if (HEADER_CELL.test(value) && !LONG_DIGITS.test(value)) labels++;
    else return false;
  }
  return filled >= 1 && labels === filled && (filled >= 2 || singleColumn);
}

function finishBlock(
  text: string,
  rows: TableRow[],
  delimiter: "\t" | ",",
  sheet: string | undefined,
): TableBlock {
  let headerRow: number | undefined;
  const singleColumn = rows.every((r) => r.cells.length <= 1);
  for (let r = 0; r < rows.length && r < 3; r++) {
    const row = rows[r]!;
    if (looksLikeHeader(text, row, singleColumn) && r + 1 < rows.length) {
      headerRow = r;
      break;
    }
  }
  const headers =
    headerRow === undefined ? [] : rows[headerRow]!.cells.map((c) => text.slice(c.start, c.end).trim());
  const block: TableBlock = {
    start: rows[0]!.start,
    end: rows[rows.length - 1]!.end,
    delimiter,
    headers,
    rows,
  };
  if (sheet !== undefined) block.sheet = sheet;
  if (headerRow !== undefined) block.headerRow = headerRow;
  return block;
}
