import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, formatEvaluation } from "./eval.js";
import { PATTERN_DETECTORS } from "./registry.js";
import { detectText, findingsToJsonLines, findingToJson } from "./text.js";

describe("evaluate", () => {
  it("computes overlap and exact precision, recall and F2 per element and overall", () => {
    const t1 = "SSN: 212-67-4431 and DOB: 03/04/1961";
    const t2 = "Call (212) 674-4310 or order 123456";
    const gold = [
      {
        text: t1,
        spans: [
          { entity: "SSN", start: 5, end: 16 },
          { entity: "DATE_OF_BIRTH", start: 26, end: 34 },
        ],
      },
      {
        text: t2,
        spans: [
          { entity: "PHONE", start: 5, end: 19 },
          { entity: "MRN", start: 29, end: 35 },
        ],
      },
    ]
      .map((g) => JSON.stringify(g))
      .join("\n");
    const r = evaluate(gold);
    const by = Object.fromEntries(r.elements.map((e) => [e.entity, e]));
    expect(by.SSN!.exact.recall).toBe(1);
    // The gold DOB span is shorter than the real date: overlap matches, exact does not.
    expect(by.DATE_OF_BIRTH!.overlap.recall).toBe(1);
    expect(by.DATE_OF_BIRTH!.exact.recall).toBe(0);
    expect(by.MRN!.overlap.recall).toBe(0);
    expect(r.overall.overlap.gold).toBe(4);
    expect(r.overall.overlap.goldMatched).toBe(3);
    expect(r.overall.overlap.precision).toBe(1);
    expect(r.overall.overlap.f2).toBeCloseTo((5 * 1 * 0.75) / (4 * 1 + 0.75), 6);
    expect(formatEvaluation(r)).toMatch(/OVERALL/);
  });

  it("rejects malformed gold with the line number", () => {
    expect(() => evaluate('{"text":"a","spans":[]}\nnot json')).toThrow(/gold line 2/);
    expect(() => evaluate('{"text":"a","spans":[{"entity":"SSN","start":3,"end":1}]}')).toThrow(
      /gold line 1/,
    );
  });
});

describe("hand-labelled regression set", () => {
  it("keeps overall overlap F2 at or above 0.9", () => {
    const gold = readFileSync(new URL("./testdata/handmade-gold.jsonl", import.meta.url), "utf8");
    // The set labels the pattern elements only (no names, addresses or clinical terms).
    const entities = [...new Set(PATTERN_DETECTORS.flatMap((d) => d.meta.elements))];
    const r = evaluate(gold, { entities });
    expect(r.documents).toBeGreaterThanOrEqual(25);
    expect(r.overall.overlap.f2).toBeGreaterThanOrEqual(0.9);
    expect(r.overall.overlap.precision).toBeGreaterThanOrEqual(0.9);
  });
});

describe("text API", () => {
  it("renders findings in the --json line shape with UTF-16 offsets", () => {
    const text = "😀 SSN: 212-67-4431";
    const [f] = detectText(text);
    expect(findingToJson(f!)).toEqual({
      entity: "SSN",
      start: 8,
      end: 19,
      text: "212-67-4431",
      score: 0.85,
      detector: "ssn",
    });
    expect(Object.keys(findingToJson(f!))).toEqual(["entity", "start", "end", "text", "score", "detector"]);
    expect(findingsToJsonLines([f!]).endsWith("}\n")).toBe(true);
  });
});
