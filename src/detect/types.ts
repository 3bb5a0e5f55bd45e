import type { DataElement } from "../core/elements.js";

/**
 * The score ladder. Detectors pick a rung, never a free number, so that scores mean the same
 * across detectors: a candidate alone is `weak`; with a label or column header it is `likely`;
 * with a passing checksum or exact dictionary/roster evidence it is `strong` or `confirmed`.
 */
export const SCORE = {
  weak: 0.3,
  possible: 0.5,
  likely: 0.7,
  strong: 0.85,
  confirmed: 0.95,
} as const;
export type ScoreRung = keyof typeof SCORE;

/** Why a finding was made: enough for a privacy officer to defend it. */
export interface Explanation {
  /** The candidate rule that fired (pattern id, dictionary name, structure rule). */
  candidate: string;
  /** Confirmation checks and their outcome, e.g. { rule: "luhn", passed: true }. */
  validations?: { rule: string; passed: boolean }[];
  /** Context words or column header that supported (or weakened) the finding. */
  context?: string[];
  /** The rung chosen and, briefly, why. */
  rung: ScoreRung;
  note?: string;
}

export interface Finding {
  element: DataElement;
  /** Offsets in UTF-16 code units (JavaScript string indices) into the text given to the detector. */
  start: number;
  end: number;
  text: string;
  score: number;
  detector: string;
  explanation: Explanation;
  /**
   * For tabular text: "sheet:row" of the cell, so the resolve stage can group a row's cells
   * into one person. Absent for prose.
   */
  row?: string;
}

export interface DetectorExample {
  text: string;
  /** The exact substrings that must be found (with this detector's element). Empty for a negative example. */
  expect: string[];
  /**
   * For detectors with several elements: the element this example is about. A positive example's
   * substrings must be found with it (default: the detector's first element); a negative example
   * must yield no finding of it (default: none of the detector's elements).
   */
  element?: DataElement;
}

export interface DetectorMeta {
  id: string;
  elements: DataElement[];
  description: string;
  version: string;
  /** Positive and negative examples: they are this detector's test table. */
  examples: DetectorExample[];
}

export interface Detector {
  meta: DetectorMeta;
  detect(doc: DetectDocument): Finding[];
}

/** The text under detection plus structure derived once and shared by all detectors (see context.ts). */
export interface DetectDocument {
  text: string;
  /**
   * Start offset of every line, ascending (line i spans lineStarts[i] up to the next line break).
   * Optional: `prepareDocument` (document.ts) fills it; helpers derive it on demand when absent.
   */
  lineStarts?: readonly number[];
  /** Tabular blocks (extracted sheets, TSV and CSV runs), in text order. Filled by `prepareDocument`. */
  tables?: readonly TableBlock[];
}

/** One cell of a tabular block: its trimmed span in the document text and its column. */
export interface TableCell {
  start: number;
  end: number;
  col: number;
}

export interface TableRow {
  /** Span of the whole line. */
  start: number;
  end: number;
  /** "sheet:row" — sheet name (or "table<n>" for unnamed blocks) and 1-based row number within it. */
  key: string;
  cells: TableCell[];
}

export interface TableBlock {
  start: number;
  end: number;
  /** Sheet name when the block came from a `Sheet: <name>` section. */
  sheet?: string;
  delimiter: "\t" | ",";
  /** Index into `rows` of the header row, when one was recognised. */
  headerRow?: number;
  /** Header text per column (as written, trimmed); empty when there is no header row. */
  headers: string[];
  rows: TableRow[];
}
