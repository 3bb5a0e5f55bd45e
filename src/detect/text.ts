import { type DetectOptions, detectAll } from "./registry.js";
import type { Finding } from "./types.js";

/**
 * The text API behind `breachscope detect --text FILE [--json]`: detect over one text and render each
 * finding as one JSON object per line. Offsets are UTF-16 code units (JavaScript string indices).
 */
export function detectText(text: string, options: DetectOptions = {}): Finding[] {
  return detectAll(text, options);
}

export interface FindingJson {
  entity: string;
  start: number;
  end: number;
  text: string;
  score: number;
  detector: string;
}

/** The `--json` line shape. Key order is fixed: entity, start, end, text, score, detector. */
export function findingToJson(f: Finding): FindingJson {
  return {
    entity: f.element,
    start: f.start,
    end: f.end,
    text: f.text,
    score: f.score,
    detector: f.detector,
  };
}

/** JSON Lines for a list of findings (one object per line, trailing newline when non-empty). */
export function findingsToJsonLines(findings: readonly Finding[]): string {
  return findings.map((f) => `${JSON.stringify(findingToJson(f))}\n`).join("");
}
