import { type CellObject, SSF } from "@e965/xlsx";

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** A date serial as ISO yyyy-mm-dd (plus " hh:mm[:ss]" when it has a time of day). */
function serialToIso(serial: number, date1904: boolean, withTime: boolean): string | undefined {
  const d = SSF.parse_date_code(serial, { date1904 });
  if (!d || !Number.isFinite(d.y) || d.y < 1 || d.y > 9999) return undefined;
  const date = `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
  if (!withTime || (d.H === 0 && d.M === 0 && d.S === 0)) return date;
  return `${date} ${pad(d.H)}:${pad(d.M)}${d.S ? `:${pad(d.S)}` : ""}`;
}

/**
 * One cell as text: the formatted value Excel would show (so SSNs and zip codes keep their
 * leading zeros and dashes), except dates, which become ISO yyyy-mm-dd. Tabs and line
 * breaks inside a cell become spaces so that a row stays on one line.
 */
export function cellText(cell: CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.t === "z") return "";
  let text: string;
  if (cell.t === "n" && typeof cell.v === "number" && typeof cell.z === "string" && SSF.is_date(cell.z)) {
    // A pure time (serial < 1) has no date: keep it as formatted.
    const hasTimeFormat = /[hs]/i.test(cell.z.replace(/"[^"]*"/g, ""));
    text =
      (cell.v >= 1 ? serialToIso(cell.v, date1904, hasTimeFormat) : undefined) ?? cell.w ?? String(cell.v);
  } else if (cell.t === "d" && cell.v instanceof Date && !Number.isNaN(cell.v.getTime())) {
    text = cell.v.toISOString().slice(0, 10);
  } else {
    text = cell.w ?? (cell.v === undefined || cell.v === null ? "" : String(cell.v));
  }
  return text.replace(/[\t\r\n]+/g, " ").trim();
}
