import type { Attachment, AttachmentSpan } from "./attachment.js";
import { csvField } from "./csv.js";
import type { DecoyKind, ElementCode } from "./elements.js";
import type { DecoySpan } from "./text-doc.js";

export interface Cell {
  text: string;
  code?: ElementCode;
  person?: string;
  decoy?: DecoyKind;
}

/** A patient list as staff export it from the EHR or the billing system. */
export interface Table {
  sheet: string;
  /** A report title above the header (XLSX only). */
  title?: string;
  header: string[];
  rows: Cell[][];
}

export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The rows as they appear in the sheet, title and blank line first when present. */
function sheetRows(t: Table): Cell[][] {
  const head: Cell[] = t.header.map((h) => ({ text: h }));
  return t.title ? [[{ text: t.title }], [], head, ...t.rows] : [head, ...t.rows];
}

/**
 * Canonical text of a table: rows joined by "\n" and cells by `sep`; for CSV the cells are
 * quoted as written, and span offsets point inside the quotes.
 */
export function tableText(
  t: Table,
  kind: "csv" | "xlsx",
): { text: string; spans: AttachmentSpan[]; decoys: DecoySpan[] } {
  const rows: Cell[][] = kind === "csv" ? [t.header.map((h) => ({ text: h })), ...t.rows] : sheetRows(t);
  const spans: AttachmentSpan[] = [];
  const decoys: DecoySpan[] = [];
  let text = "";
  const eol = kind === "csv" ? "\r\n" : "\n";
  const sep = kind === "csv" ? "," : "\t";
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (c > 0) text += sep;
      const field = kind === "csv" ? csvField(cell.text) : cell.text;
      const start = text.length + (field.length > cell.text.length ? 1 : 0);
      text += field;
      const end = start + cell.text.length;
      if (cell.code) {
        const s: AttachmentSpan = { code: cell.code, text: cell.text, start, end };
        if (cell.person) s.person = cell.person;
        if (kind === "csv") {
          s.row = r + 1;
          s.column = c + 1;
        } else {
          s.sheet = t.sheet;
          s.cell = `${columnLetter(c)}${r + 1}`;
        }
        spans.push(s);
      }
      if (cell.decoy) decoys.push({ kind: cell.decoy, text: cell.text, start, end });
    });
    text += eol;
  });
  return { text, spans, decoys };
}

export function renderCsv(t: Table, name: string): Attachment {
  const { text, spans, decoys } = tableText(t, "csv");
  return {
    name,
    mediaType: "text/csv",
    bytes: Buffer.from(text, "utf8"),
    textKind: "csv",
    text,
    spans,
    decoys,
  };
}

/** Every cell is written as a string so the sheet shows exactly the text the truth records. */
export async function renderXlsx(t: Table, name: string): Promise<Attachment> {
  const XLSX = await import("@e965/xlsx");
  const aoa = sheetRows(t).map((row) => row.map((c) => c.text));
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, t.sheet);
  // A fixed creation date keeps the file byte-identical between runs.
  wb.Props = { CreatedDate: new Date(Date.UTC(2020, 0, 1)), ModifiedDate: new Date(Date.UTC(2020, 0, 1)) };
  const bytes = XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
  const { text, spans, decoys } = tableText(t, "xlsx");
  return {
    name,
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    bytes,
    textKind: "xlsx",
    text,
    spans,
    decoys,
  };
}
