import { cellAt, lineEnd, lineIndexAt, structureOf } from "./document.js";
import type { DetectDocument, TableBlock } from "./types.js";

/**
 * Context words: labels before or after a candidate, or the header of the column it sits in.
 *
 * A lexicon is a list of words or phrases, matched case-insensitively as whole words; inside a
 * phrase, spaces also match `_`, `.`, `-` and `/` so "date of birth" matches "Date_of_Birth".
 * The search is line-aware: the window before a candidate stops at the start of its line, except
 * that a candidate that begins its line also looks at the end of the previous line (a label on
 * its own line: "DOB:\n03/04/1961"). The window after stops at the end of the line.
 */
export interface Lexicon {
  readonly words: readonly string[];
  /** Global, case-insensitive; do not share lastIndex across calls (helpers reset it). */
  readonly re: RegExp;
}

export function lexicon(words: readonly string[]): Lexicon {
  // `\b` is cheaper than a lookbehind and equivalent when every word starts with a letter or digit.
  const lead = words.every((w) => /^[A-Za-z0-9]/.test(w.trim())) ? "\\b" : "(?<![A-Za-z0-9])";
  return {
    words,
    re: new RegExp(`${lead}${trieSource(words)}(?![A-Za-z0-9])`, "gi"),
  };
}

const JOIN = "\u0000";

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * The words as one regex factored by common prefixes ("med rec", "medical record", "medicaid" share
 * "med"), so the engine tries one branch per character instead of every word at every position.
 * Longer words are tried before their prefixes (greedy), so the longest label wins.
 */
function trieSource(words: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const w of words) {
    const parts = w.trim().toLowerCase().split(/\s+/);
    let node = root;
    parts.forEach((part, i) => {
      const units = i === 0 ? [...part] : [JOIN, ...part];
      for (const u of units) {
        let child = node.next.get(u);
        if (!child) {
          child = { end: false, next: new Map() };
          node.next.set(u, child);
        }
        node = child;
      }
    });
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const alts = [...node.next].map(
      ([u, child]) => (u === JOIN ? "[\\s._/-]*" : escapeRegExp(u)) + emit(child),
    );
    if (alts.length === 0) return "";
    const group = alts.length === 1 ? alts[0]! : `(?:${alts.join("|")})`;
    return node.end ? `(?:${group})?` : group;
  };
  return `(?:${emit(root)})`;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

export type ContextWhere = "before" | "after" | "previous-line" | "header";

export interface ContextHit {
  /** The label as written, lower-cased. */
  word: string;
  where: ContextWhere;
  /** Characters between the label and the candidate (0 for a header). */
  distance: number;
}

export interface ContextOptions {
  /** Characters to look back on the candidate's line (default 40). */
  before?: number;
  /** Characters to look ahead on the candidate's line (default 0: labels usually precede values). */
  after?: number;
  /** Whether a candidate at the start of its line may use the previous line (default true). */
  previousLine?: boolean;
  /** Whether the column header counts (default true). */
  header?: boolean;
}

/** All hits of `lex` around [start, end). Cheap: slices at most a few short windows. */
export function findContext(
  doc: DetectDocument,
  start: number,
  end: number,
  lex: Lexicon,
  options: ContextOptions = {},
): ContextHit[] {
  const hits: ContextHit[] = [];
  const text = doc.text;
  const before = options.before ?? 40;
  const after = options.after ?? 0;
  const { lineStarts } = structureOf(doc);
  const { line, loc } = locate(doc, lineStarts, start, end);
  const lineStart = lineStarts[line] ?? 0;
  // In a data row of a headed table with 3+ columns, the neighbouring cells are other fields of the
  // record, not labels: the window is the candidate's own cell, and the column header is the label.
  // (Two-column tables are often key/value lists — "SSN<TAB>212-67-4431" — and keep the line window.)
  const ownCell = loc?.header !== undefined && loc.table.headers.length >= 3 ? loc.cell : undefined;
  const from = Math.max(ownCell ? ownCell.start : lineStart, start - before);
  if (from < start) collect(text.slice(from, start), lex, "before", hits, (mEnd) => start - from - mEnd);
  if (after > 0) {
    const le = ownCell ? ownCell.end : lineEnd(text, lineStarts, line);
    const to = Math.min(le, end + after);
    if (to > end) {
      // A label after the value belongs to it only within its clause: "(4-16-90) - appt" is not the appointment date.
      let window = text.slice(end, to);
      const cut = window.search(/[);]| - /);
      if (cut >= 0) window = window.slice(0, cut);
      if (window.length > 0) collect(window, lex, "after", hits, (_e, mStart) => mStart);
    }
  }
  // Inside a table the line above is another row (or the header row, which counts only for its own
  // column, below), so the previous-line rule applies to prose only.
  if ((options.previousLine ?? true) && line > 0 && !loc && isLineLead(text, lineStart, start)) {
    const prev = line - 1;
    const ps = lineStarts[prev] ?? 0;
    const pe = lineEnd(text, lineStarts, prev);
    const pFrom = Math.max(ps, pe - before);
    if (pe > pFrom)
      collect(text.slice(pFrom, pe), lex, "previous-line", hits, (mEnd) => pe - pFrom - mEnd + 1);
  }
  if (options.header ?? true) {
    if (loc?.header) {
      const hit = headerHit(lex, loc.table, loc.cell.col, loc.header);
      if (hit) hits.push(hit);
    }
  }
  return hits;
}

/**
 * Detectors ask about the same candidate several times in a row (label words, contrary words, a
 * competing element's words): remember the last lookup.
 */
let last:
  | { doc: DetectDocument; start: number; end: number; line: number; loc: ReturnType<typeof cellAt> }
  | undefined;

function locate(
  doc: DetectDocument,
  lineStarts: readonly number[],
  start: number,
  end: number,
): { line: number; loc: ReturnType<typeof cellAt> } {
  if (last && last.doc === doc && last.start === start && last.end === end) return last;
  last = { doc, start, end, line: lineIndexAt(lineStarts, start), loc: cellAt(doc, start, end) };
  return last;
}

/** Header matches are cached per lexicon, table and column: a column of 10,000 cells tests its header once. */
const headerCache = new WeakMap<Lexicon, WeakMap<TableBlock, (ContextHit | null)[]>>();

function headerHit(lex: Lexicon, table: TableBlock, col: number, header: string): ContextHit | null {
  let byTable = headerCache.get(lex);
  if (!byTable) {
    byTable = new WeakMap();
    headerCache.set(lex, byTable);
  }
  let cols = byTable.get(table);
  if (!cols) {
    cols = [];
    byTable.set(table, cols);
  }
  const cached = cols[col];
  if (cached !== undefined) return cached;
  lex.re.lastIndex = 0;
  const m = lex.re.exec(header);
  const hit: ContextHit | null = m ? { word: m[0].toLowerCase(), where: "header", distance: 0 } : null;
  cols[col] = hit;
  return hit;
}

/** Whether the lexicon occurs anywhere in the document (one pass, cached per document and lexicon). */
const presence = new WeakMap<DetectDocument, Map<Lexicon, boolean>>();

export function docHas(doc: DetectDocument, lex: Lexicon): boolean {
  let m = presence.get(doc);
  if (!m) {
    m = new Map();
    presence.set(doc, m);
  }
  let v = m.get(lex);
  if (v === undefined) {
    lex.re.lastIndex = 0;
    v = lex.re.test(doc.text);
    lex.re.lastIndex = 0;
    m.set(lex, v);
  }
  return v;
}

/** True when any hit of `lex` is around the span (see findContext). */
export function hasContext(
  doc: DetectDocument,
  start: number,
  end: number,
  lex: Lexicon,
  options?: ContextOptions,
): boolean {
  return findContext(doc, start, end, lex, options).length > 0;
}

/**
 * The nearest hit. Labels usually precede their value, so a hit after the candidate counts as 20
 * characters further away than it is ("Admit 03/04/2024, DOB on file": the date is the admission's).
 */
export function nearest(hits: readonly ContextHit[]): ContextHit | undefined {
  let best: ContextHit | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const h of hits) {
    const d = effectiveDistance(h);
    if (d < bestDistance) {
      best = h;
      bestDistance = d;
    }
  }
  return best;
}

export function effectiveDistance(h: ContextHit): number {
  return h.where === "after" ? h.distance + 20 : h.distance;
}

/** The column header of the cell containing the span, if the span is inside a headed table. */
export function headerAt(doc: DetectDocument, start: number, end: number): string | undefined {
  return cellAt(doc, start, end)?.header;
}

/** "label:dob", "header:Date of Birth" — the form stored in explanations. */
export function describeHits(hits: readonly ContextHit[]): string[] {
  const out: string[] = [];
  for (const h of hits) {
    const s = h.where === "header" ? `header:${h.word}` : `label:${h.word}`;
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

function isLineLead(text: string, lineStart: number, start: number): boolean {
  // Only whitespace or a bullet/quote mark before the candidate on its line.
  if (start - lineStart > 6) return false;
  for (let p = lineStart; p < start; p++) {
    const c = text.charCodeAt(p);
    if (c !== 32 && c !== 9 && c !== 62 && c !== 45 && c !== 42) return false;
  }
  return true;
}

function collect(
  window: string,
  lex: Lexicon,
  where: ContextWhere,
  hits: ContextHit[],
  distance: (matchEnd: number, matchStart: number) => number,
): void {
  lex.re.lastIndex = 0;
  for (let m = lex.re.exec(window); m; m = lex.re.exec(window)) {
    hits.push({ word: m[0].toLowerCase(), where, distance: distance(m.index + m[0].length, m.index) });
  }
}
