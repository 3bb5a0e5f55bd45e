/**
 * Small text helpers shared by the name, clinical and address detectors. No matched text is ever
 * logged from here.
 */

/** Fold diacritics: "José Núñez" -> "Jose Nunez". */
export function foldDiacritics(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** Lexicon key for a name token: lower-case ASCII letters only ("O'Neil" -> "oneil"). */
export function nameKey(s: string): string {
  if (/^[a-z]+$/.test(s)) return s;
  if (/^[A-Za-z'’.-]+$/.test(s)) return s.toLowerCase().replace(/[^a-z]/g, "");
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

/** Split a newline-separated word list (as stored in the *.data.ts files) into entries. */
export function splitLines(data: string): string[] {
  const out: string[] = [];
  for (const line of data.split("\n")) {
    const t = line.trim();
    if (t.length > 0 && !t.startsWith("#")) out.push(t);
  }
  return out;
}

/** A lazily built value, computed once on first use. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Build one alternation regex from phrases (longest first), matching on word boundaries, case
 * insensitive. Whitespace inside a phrase matches any run of spaces or hyphens.
 */
export function phraseRegExp(phrases: Iterable<string>, flags = "gi"): RegExp {
  const list = [...new Set(phrases)].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  const body = list.map((p) => escapeRegExp(p).replace(/\s+/g, "[\\s\\-]+")).join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, `${flags}u`);
}

/**
 * The line around `pos`, clipped to at most `back` characters before and `fwd` after, so that rules
 * looking at "the rest of the line" stay linear on pathological one-line inputs.
 */
export function lineWindow(text: string, pos: number, back = 400, fwd = 400): { start: number; end: number } {
  const lo = Math.max(0, pos - back);
  let start = pos;
  while (start > lo && text.charCodeAt(start - 1) !== 10) start--;
  const hi = Math.min(text.length, pos + fwd);
  let end = pos;
  while (end < hi && text.charCodeAt(end) !== 10) end++;
  return { start, end };
}

/** Start offsets of every line, for mapping offsets to lines. */
export interface Line {
  start: number;
  end: number;
  text: string;
}

export function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    let e = end;
    if (e > start && text.charCodeAt(e - 1) === 13) e--;
    out.push({ start, end: e, text: text.slice(start, e) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return out;
}

/** True when a line is "shouting": it has letters and (nearly) none of them are lower case. */
export function isAllCapsLine(line: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const ch of line) {
    if (ch >= "a" && ch <= "z") lower++;
    else if (ch >= "A" && ch <= "Z") upper++;
  }
  return upper >= 6 && lower <= upper * 0.05;
}

/** One cell of tabular text (a sheet dumped as TSV, or CSV-like lines). */
export interface Cell {
  start: number;
  end: number;
  text: string;
  column: number;
}

export interface TableRow {
  /**
   * "sheet:row" for rows of a `Sheet: <name>` section: the 1-based line number after the `Sheet:` line
   * (the header is usually row 1), the same key the detection framework gives. Undefined for unnamed
   * blocks: the framework numbers those itself and attaches its key to findings without one.
   */
  row: string | undefined;
  cells: Cell[];
}

export interface Table {
  sheet: string;
  header: Cell[];
  rows: TableRow[];
}

function splitCells(line: Line, sep: "\t" | ","): Cell[] {
  const cells: Cell[] = [];
  const s = line.text;
  let i = 0;
  let col = 0;
  while (i <= s.length) {
    let start = i;
    let end: number;
    if (sep === "," && s[i] === '"') {
      // quoted CSV cell
      let j = i + 1;
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') j += 2;
        else if (s[j] === '"') break;
        else j++;
      }
      start = i + 1;
      end = j;
      const next = s.indexOf(sep, j);
      i = next === -1 ? s.length + 1 : next + 1;
    } else {
      const next = s.indexOf(sep, i);
      end = next === -1 ? s.length : next;
      i = next === -1 ? s.length + 1 : next + 1;
    }
    // trim
    while (start < end && /\s/.test(s[start] ?? "")) start++;
    while (end > start && /\s/.test(s[end - 1] ?? "")) end--;
    cells.push({ start: line.start + start, end: line.start + end, text: s.slice(start, end), column: col });
    col++;
  }
  return cells;
}

const HEADERISH = /^[\p{L}][\p{L}\p{N} _#./()'-]{0,40}$/u;

/**
 * Find tables in text: a `Sheet: <name>` line followed by tab-separated rows (first row is the
 * header), or a run of at least two lines with the same number (>= 3) of tabs or commas whose first
 * line looks like a header (short label cells without digits).
 */
export function findTables(text: string): Table[] {
  const ls = lines(text);
  const tables: Table[] = [];
  let i = 0;
  let anon = 0;
  while (i < ls.length) {
    const line = ls[i]!;
    const sheetMatch = /^\s*Sheet:\s*(.+?)\s*$/.exec(line.text);
    let sheet: string | undefined;
    let headerIdx = i;
    if (sheetMatch) {
      sheet = sheetMatch[1]!;
      headerIdx = i + 1;
      while (headerIdx < ls.length && ls[headerIdx]!.text.trim() === "") headerIdx++;
    }
    const headerLine = ls[headerIdx];
    if (!headerLine) break;
    const sep: "\t" | "," | undefined = headerLine.text.includes("\t")
      ? "\t"
      : (headerLine.text.match(/,/g)?.length ?? 0) >= 2
        ? ","
        : undefined;
    if (!sep) {
      i = sheet !== undefined ? headerIdx : i + 1;
      continue;
    }
    const header = splitCells(headerLine, sep);
    const headerOk =
      header.length >= 2 &&
      header.every((c) => c.text === "" || (HEADERISH.test(c.text) && !/\d{3}/.test(c.text)));
    if (!headerOk) {
      i = headerIdx + 1;
      continue;
    }
    const rows: TableRow[] = [];
    let r = headerIdx + 1;
    const sheetName = sheet === undefined ? undefined : sheet || "sheet";
    while (r < ls.length) {
      const l = ls[r]!;
      if (l.text.trim() === "" || /^\s*Sheet:/.test(l.text)) break;
      if (!l.text.includes(sep)) break;
      const cells = splitCells(l, sep);
      if (sheet === undefined && Math.abs(cells.length - header.length) > 1) break;
      rows.push({ row: sheetName === undefined ? undefined : `${sheetName}:${r - i}`, cells });
      r++;
    }
    if (rows.length > 0 || sheet !== undefined)
      tables.push({ sheet: sheetName ?? `table${++anon}`, header, rows });
    i = Math.max(r, i + 1);
  }
  return tables;
}

/**
 * Overlap resolution in O(n log n): split spans into clusters of transitively overlapping spans and,
 * inside each cluster, keep spans greedily in `better` order, skipping any that overlap a kept one.
 */
export function keepBest<T extends { start: number; end: number }>(
  items: T[],
  better: (a: T, b: T) => number,
): T[] {
  const byStart = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  let cluster: T[] = [];
  let clusterEnd = -1;
  const flush = () => {
    if (cluster.length === 1) out.push(cluster[0]!);
    else if (cluster.length > 1) {
      cluster.sort(better);
      const kept: T[] = [];
      for (const c of cluster) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
      out.push(...kept);
    }
    cluster = [];
  };
  for (const it of byStart) {
    if (it.start >= clusterEnd) {
      flush();
      clusterEnd = it.end;
    } else clusterEnd = Math.max(clusterEnd, it.end);
    cluster.push(it);
  }
  flush();
  return out.sort((a, b) => a.start - b.start);
}
