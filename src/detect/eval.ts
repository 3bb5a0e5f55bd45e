import { type DetectOptions, detectAll } from "./registry.js";
import type { Finding } from "./types.js";

/**
 * Evaluation against gold JSON Lines: one object per line, `{"text": "...", "spans": [{"entity":
 * "SSN", "start": 4, "end": 15}, ...]}` with UTF-16 offsets. Blank lines are skipped.
 *
 * Matching rule (reported both ways):
 * - overlap (the headline figures): a gold span is recalled when some prediction of the same entity
 *   overlaps it by at least one character; a prediction is correct when it overlaps some gold span of
 *   the same entity. So one long prediction covering two gold spans counts as recalling both, and
 *   is one true positive on the precision side.
 * - exact: same entity, same start and end.
 * F2 weights recall twice as much as precision (missing an affected patient is worse than one more
 * item to review): F2 = 5PR / (4P + R).
 * Elements only appear in the per-element table if they occur in the gold or the predictions;
 * `entities` restricts both sides (e.g. to score only the pattern elements).
 */
export interface EvalOptions extends DetectOptions {
  /** Only these entities count on either side. */
  entities?: string[];
  /** Use these predictions instead of running detectAll (one array per gold line). */
  predictions?: Finding[][];
}

export interface Counts {
  gold: number;
  predicted: number;
  /** Gold spans matched (recall numerator). */
  goldMatched: number;
  /** Predictions matched (precision numerator). */
  predictedMatched: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f2: number;
}

export interface ElementResult {
  entity: string;
  overlap: Scores;
  exact: Scores;
}

export interface EvalResult {
  documents: number;
  overall: { overlap: Scores; exact: Scores };
  elements: ElementResult[];
}

interface GoldSpan {
  entity: string;
  start: number;
  end: number;
}

interface GoldLine {
  text: string;
  spans: GoldSpan[];
}

export function parseGold(goldJsonl: string): GoldLine[] {
  const out: GoldLine[] = [];
  goldJsonl.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new Error(`gold line ${i + 1}: not valid JSON`);
    }
    if (typeof v !== "object" || v === null) throw new Error(`gold line ${i + 1}: expected an object`);
    const o = v as { text?: unknown; spans?: unknown };
    if (typeof o.text !== "string") throw new Error(`gold line ${i + 1}: "text" must be a string`);
    if (!Array.isArray(o.spans)) throw new Error(`gold line ${i + 1}: "spans" must be an array`);
    const spans = o.spans.map((s: unknown, j: number) => {
      const sp = s as { entity?: unknown; start?: unknown; end?: unknown };
      if (
        typeof sp?.entity !== "string" ||
        !Number.isInteger(sp.start) ||
        !Number.isInteger(sp.end) ||
        (sp.start as number) > (sp.end as number)
      )
        throw new Error(`gold line ${i + 1}: spans[${j}] must be {entity: string, start: int, end: int}`);
      return { entity: sp.entity, start: sp.start as number, end: sp.end as number };
    });
    out.push({ text: o.text, spans });
  });
  return out;
}

export function evaluate(goldJsonl: string, options: EvalOptions = {}): EvalResult {
  const gold = parseGold(goldJsonl);
  const only = options.entities ? new Set(options.entities) : undefined;
  const keep = (e: string) => !only || only.has(e);
  const overlapCounts = new Map<string, Counts>();
  const exactCounts = new Map<string, Counts>();
  const get = (m: Map<string, Counts>, e: string) => {
    let c = m.get(e);
    if (!c) {
      c = { gold: 0, predicted: 0, goldMatched: 0, predictedMatched: 0 };
      m.set(e, c);
    }
    return c;
  };
  gold.forEach((line, i) => {
    const preds = (options.predictions?.[i] ?? detectAll(line.text, options)).filter((p) => keep(p.element));
    const spans = line.spans.filter((s) => keep(s.entity));
    for (const s of spans) {
      get(overlapCounts, s.entity).gold++;
      get(exactCounts, s.entity).gold++;
      if (preds.some((p) => p.element === s.entity && p.start < s.end && s.start < p.end))
        get(overlapCounts, s.entity).goldMatched++;
      if (preds.some((p) => p.element === s.entity && p.start === s.start && p.end === s.end))
        get(exactCounts, s.entity).goldMatched++;
    }
    for (const p of preds) {
      get(overlapCounts, p.element).predicted++;
      get(exactCounts, p.element).predicted++;
      if (spans.some((s) => p.element === s.entity && p.start < s.end && s.start < p.end))
        get(overlapCounts, p.element).predictedMatched++;
      if (spans.some((s) => p.element === s.entity && p.start === s.start && p.end === s.end))
        get(exactCounts, p.element).predictedMatched++;
    }
  });
  const entities = [...new Set([...overlapCounts.keys()])].sort();
  const sum = (m: Map<string, Counts>): Counts => {
    const t = { gold: 0, predicted: 0, goldMatched: 0, predictedMatched: 0 };
    for (const c of m.values()) {
      t.gold += c.gold;
      t.predicted += c.predicted;
      t.goldMatched += c.goldMatched;
      t.predictedMatched += c.predictedMatched;
    }
    return t;
  };
  return {
    documents: gold.length,
    overall: { overlap: score(sum(overlapCounts)), exact: score(sum(exactCounts)) },
    elements: entities.map((entity) => ({
      entity,
      overlap: score(get(overlapCounts, entity)),
      exact: score(get(exactCounts, entity)),
    })),
  };
}

export function score(c: Counts): Scores {
  const precision = c.predicted === 0 ? (c.gold === 0 ? 1 : 0) : c.predictedMatched / c.predicted;
  const recall = c.gold === 0 ? (c.predicted === 0 ? 1 : 0) : c.goldMatched / c.gold;
  const f2 = precision + recall === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
  return { ...c, precision, recall, f2 };
}

/** A fixed-width table: per element, then overall; overlap figures with exact-match F2 alongside. */
export function formatEvaluation(result: EvalResult): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}`.padStart(6);
  const lines = [
    `documents: ${result.documents}   matching: overlap (exact F2 in last column)`,
    `${"entity".padEnd(16)} ${"gold".padStart(6)} ${"pred".padStart(6)} ${"P%".padStart(6)} ${"R%".padStart(6)} ${"F2%".padStart(6)} ${"exF2%".padStart(6)}`,
  ];
  const row = (name: string, o: Scores, x: Scores) =>
    `${name.padEnd(16)} ${String(o.gold).padStart(6)} ${String(o.predicted).padStart(6)} ${pct(o.precision)} ${pct(o.recall)} ${pct(o.f2)} ${pct(x.f2)}`;
  for (const e of result.elements) lines.push(row(e.entity, e.overlap, e.exact));
  lines.push(row("OVERALL", result.overall.overlap, result.overall.exact));
  return `${lines.join("\n")}\n`;
}
