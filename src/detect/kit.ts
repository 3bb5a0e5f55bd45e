import type { DataElement } from "../core/elements.js";
import {
  type ContextHit,
  type ContextOptions,
  describeHits,
  findContext,
  type Lexicon,
  lexicon,
} from "./context.js";
import { lineIndexAt, structureOf } from "./document.js";
import { pickRung } from "./rungs.js";
import {
  type DetectDocument,
  type Detector,
  type DetectorExample,
  type Explanation,
  type Finding,
  SCORE,
  type ScoreRung,
} from "./types.js";

/** Shared building blocks for detectors: finding construction, boundaries, label and column scans. */

export function makeFinding(
  doc: DetectDocument,
  detector: string,
  element: DataElement,
  start: number,
  end: number,
  explanation: Explanation,
): Finding {
  return {
    element,
    start,
    end,
    text: doc.text.slice(start, end),
    score: SCORE[explanation.rung],
    detector,
    explanation,
  };
}

/** ASCII letter or digit. */
export function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * True when the span is not glued to surrounding identifier characters: the neighbours are not
 * letters/digits, and not a joiner (-, /, ., _) that itself continues into a letter or digit —
 * so "ORD-123-45-6789" and "123-45-6789-01" are rejected but "SSN 123-45-6789." is accepted.
 */
export function standsAlone(text: string, start: number, end: number): boolean {
  const b = start > 0 ? text.charCodeAt(start - 1) : 32;
  const a = end < text.length ? text.charCodeAt(end) : 32;
  if (isAlnum(b) || isAlnum(a) || b === 95 || a === 95) return false;
  if (isJoiner(b) && start > 1 && isAlnum(text.charCodeAt(start - 2))) return false;
  if (isJoiner(a) && end + 1 < text.length && isAlnum(text.charCodeAt(end + 1))) return false;
  return true;
}

function isJoiner(c: number): boolean {
  return c === 45 || c === 47 || c === 46 || c === 95;
}

/** Run a global regex over the whole text once, calling `fn` for each match. */
export function scan(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    fn(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}

/**
 * What may sit between a label and its value: spaces/tabs, ":", "#", "=", a dash, "no.", "number",
 * "nbr", "id", "is", "was", a parenthetical before a colon ("Driver's license (NY): …"), up to three
 * short words before a colon ("Bank acct for autopay: …"), and at most one line break (a label alone
 * on its line).
 */
const SEPARATOR =
  /(?:[ \t]*(?:[:#=–]|-(?!\d)|\.(?=[ \t])|nos?\.?(?![a-z])|number(?![a-z])|num\.?(?![a-z])|nbr\.?(?![a-z])|is(?![a-z])|was(?![a-z])|\(s\)|id(?![a-z])|\([A-Za-z .]{1,20}\)(?=[ \t]*[:#])|(?:[ \t]+[A-Za-z]{1,12}){1,3}(?=[ \t]*:)))*[ \t]*(?:\r?\n[ \t]*)?/iy;

export interface LabelledHit {
  start: number;
  end: number;
  value: string;
  label: string;
  /** What was skipped between label and value (":", " # ", " no. "…). */
  separator: string;
}

/**
 * Label scanning is shared: every lexicon passed to scanLabelled joins one combined alternation
 * (longest label first), run once per document; each detector then keeps the hits whose normalized
 * label is one of its own. One pass instead of one per detector — and where labels nest ("bank
 * account #" vs "account #"), the longest, most specific label wins.
 */
const labelWords = new Set<string>();
const registeredLexicons = new WeakSet<Lexicon>();
let combinedLabels: { re: RegExp; version: number } | undefined;
let labelVersion = 0;
const labelHitCache = new WeakMap<
  DetectDocument,
  { version: number; hits: { start: number; end: number; key: string }[] }
>();
const lexiconKeys = new WeakMap<Lexicon, Set<string>>();

/** Lower-case and drop spaces and . _ / - so "Med_Rec#" and "med rec #" compare equal. */
export function labelKey(s: string): string {
  return s.toLowerCase().replace(/[\s._/-]+/g, "");
}

function keysOf(lex: Lexicon): Set<string> {
  let keys = lexiconKeys.get(lex);
  if (!keys) {
    keys = new Set(lex.words.map(labelKey));
    lexiconKeys.set(lex, keys);
  }
  return keys;
}

/**
 * Add a lexicon's words to the shared label pass. Built-in detectors register when their module
 * loads, so the combined pattern (and therefore which label wins where labels nest) does not depend
 * on which detectors happened to run first; scanLabelled also registers lazily for other callers.
 */
export function registerLabels(lex: Lexicon): Lexicon {
  register(lex);
  return lex;
}

function register(lex: Lexicon): void {
  if (registeredLexicons.has(lex)) return;
  registeredLexicons.add(lex);
  let added = false;
  for (const w of lex.words) {
    if (!labelWords.has(w)) {
      labelWords.add(w);
      added = true;
    }
  }
  if (added) {
    labelVersion++;
    combinedLabels = undefined;
  }
}

function labelHits(doc: DetectDocument): { start: number; end: number; key: string }[] {
  if (!combinedLabels) combinedLabels = { re: lexicon([...labelWords]).re, version: labelVersion };
  const cached = labelHitCache.get(doc);
  if (cached && cached.version === combinedLabels.version) return cached.hits;
  const hits: { start: number; end: number; key: string }[] = [];
  scan(combinedLabels.re, doc.text, (m) => {
    hits.push({ start: m.index, end: m.index + m[0].length, key: labelKey(m[0]) });
  });
  labelHitCache.set(doc, { version: combinedLabels.version, hits });
  return hits;
}

/**
 * Find values written after a label: a label of `labels` (located by the shared label pass), then
 * `value` (sticky, `y` flag) must match right after the separator. A value on the line after its
 * label is accepted only when the label's line is not a table row (a header row's label belongs to
 * its column).
 */
export function scanLabelled(
  doc: DetectDocument,
  labels: Lexicon,
  value: RegExp,
  fn: (hit: LabelledHit) => void,
): void {
  register(labels);
  const keys = keysOf(labels);
  const text = doc.text;
  for (const h of labelHits(doc)) {
    if (!keys.has(h.key)) continue;
    const labelEnd = h.end;
    SEPARATOR.lastIndex = labelEnd;
    const sep = SEPARATOR.exec(text);
    const pos = labelEnd + (sep ? sep[0].length : 0);
    value.lastIndex = pos;
    const v = value.exec(text);
    if (!v || v[0].length === 0) continue;
    const end = pos + v[0].length;
    if (end < text.length && isAlnum(text.charCodeAt(end))) continue;
    if (sep?.[0].includes("\n")) {
      const { lineStarts } = structureOf(doc);
      const li = lineIndexAt(lineStarts, h.start);
      const ls = lineStarts[li] ?? 0;
      const nl = text.indexOf("\n", ls);
      if (text.slice(ls, nl === -1 ? text.length : nl).includes("\t")) continue;
    }
    fn({
      start: pos,
      end,
      value: v[0],
      label: text.slice(h.start, h.end).toLowerCase(),
      separator: sep?.[0] ?? "",
    });
  }
}

export interface ColumnHit {
  start: number;
  end: number;
  value: string;
  header: string;
}

/** Every non-empty cell below a header matching `headers` (and not `notHeaders`) whose text matches `value`. */
export function scanColumns(
  doc: DetectDocument,
  headers: Lexicon,
  value: RegExp,
  fn: (hit: ColumnHit) => void,
  notHeaders?: Lexicon,
): void {
  const { tables } = structureOf(doc);
  for (const table of tables) {
    if (table.headerRow === undefined) continue;
    const cols: number[] = [];
    table.headers.forEach((h, i) => {
      headers.re.lastIndex = 0;
      if (!headers.re.test(h)) return;
      if (notHeaders) {
        notHeaders.re.lastIndex = 0;
        if (notHeaders.re.test(h)) return;
      }
      cols.push(i);
    });
    if (cols.length === 0) continue;
    for (let r = table.headerRow + 1; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      for (const c of cols) {
        const cell = row.cells[c];
        if (!cell || cell.end <= cell.start) continue;
        const v = doc.text.slice(cell.start, cell.end);
        if (value.test(v)) fn({ start: cell.start, end: cell.end, value: v, header: table.headers[c] ?? "" });
      }
    }
  }
}

/** Compile a value pattern for both uses: sticky (after a label) and anchored (a whole cell). */
export function valuePatterns(source: string, flags = ""): { sticky: RegExp; cell: RegExp } {
  return { sticky: new RegExp(source, `y${flags}`), cell: new RegExp(`^(?:${source})$`, flags) };
}

export interface ValueCheck {
  ok: boolean;
  checksum?: boolean;
  checksumAlone?: ScoreRung;
  ranges?: boolean;
  validations?: { rule: string; passed: boolean }[];
  note?: string;
}

export interface LabelledSpec {
  id: string;
  element: DataElement;
  description: string;
  version: string;
  examples: DetectorExample[];
  /** Label words that must precede the value in prose. */
  labels: readonly string[];
  /**
   * Generic words that count as a label only when written as one: followed by ":", "#", "=", "no."
   * or "number" ("Group: 98765", not "group 98765 people").
   */
  strictLabels?: readonly string[];
  /** Column headers (default: the labels). */
  headers?: readonly string[];
  /** Headers that disqualify a column even if it matched `headers`. */
  notHeaders?: readonly string[];
  /** Words near the label that argue against this element (checked in the 40 characters before the value). */
  negative?: readonly string[];
  /** Value pattern source (no anchors, no flags). */
  value: string;
  valueFlags?: string;
  /** Minimum digits in the value (default 1). */
  minDigits?: number;
  /** Value rules; `label` is the label as written (lower-cased) or the column header. */
  check?: (value: string, doc: DetectDocument, start: number, label: string) => ValueCheck;
}

/**
 * A detector that requires a label or a column header: the label/header is the context, so every
 * finding is at least `likely`; passing value rules raise it to `strong`, a checksum to `confirmed`.
 */
export function labelledDetector(spec: LabelledSpec): Detector {
  const labels = registerLabels(lexicon([...spec.labels, ...(spec.strictLabels ?? [])]));
  const strict = new Set((spec.strictLabels ?? []).map(labelKey));
  const LABEL_MARK = /[:#=]|\bno\b|\bnumber\b|\bnum\b|\bnbr\b/i;
  const headers = lexicon(spec.headers ?? spec.labels);
  const notHeaders = spec.notHeaders ? lexicon(spec.notHeaders) : undefined;
  const negative = spec.negative ? lexicon(spec.negative) : undefined;
  const { sticky, cell } = valuePatterns(spec.value, spec.valueFlags);
  const minDigits = spec.minDigits ?? 1;
  return {
    meta: {
      id: spec.id,
      elements: [spec.element],
      description: spec.description,
      version: spec.version,
      examples: spec.examples,
    },
    detect(doc) {
      const out: Finding[] = [];
      const emit = (
        start: number,
        end: number,
        value: string,
        label: string,
        ctx: string,
        candidate: string,
      ) => {
        if (countDigits(value) < minDigits || !standsAlone(doc.text, start, end)) return;
        const check: ValueCheck = spec.check ? spec.check(value, doc, start, label) : { ok: true };
        if (!check.ok) return;
        const neg = negative ? findContext(doc, start, end, negative, { before: 40, header: false }) : [];
        const rung = pickRung({
          context: true,
          checksum: check.checksum,
          checksumAlone: check.checksumAlone,
          ranges: check.ranges,
          negative: neg.length > 0,
        });
        const explanation: Explanation = {
          candidate,
          context: [ctx, ...neg.map((h) => `against:${h.word}`)],
          rung,
        };
        if (check.validations) explanation.validations = check.validations;
        if (check.note) explanation.note = check.note;
        out.push(makeFinding(doc, spec.id, spec.element, start, end, explanation));
      };
      scanLabelled(doc, labels, sticky, (h) => {
        if (strict.has(labelKey(h.label)) && !LABEL_MARK.test(h.separator)) return;
        emit(h.start, h.end, h.value, h.label, `label:${h.label}`, "label-value");
      });
      scanColumns(
        doc,
        headers,
        cell,
        (h) => emit(h.start, h.end, h.value, h.header.toLowerCase(), `header:${h.header}`, "column"),
        notHeaders,
      );
      return out;
    },
  };
}

export function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) n++;
  return n;
}

/** Context lookup returning both the hits and their explanation strings. */
export function contextOf(
  doc: DetectDocument,
  start: number,
  end: number,
  lex: Lexicon,
  options?: ContextOptions,
): { hits: ContextHit[]; words: string[] } {
  const hits = findContext(doc, start, end, lex, options);
  return { hits, words: describeHits(hits) };
}
