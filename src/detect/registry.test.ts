import { describe, expect, it } from "vitest";
import { ELEMENTS } from "../core/elements.js";
import { BUILTIN_DETECTORS, detectAll, resolveOverlaps } from "./registry.js";
import { type Finding, SCORE } from "./types.js";

describe("every registered detector", () => {
  const ids = BUILTIN_DETECTORS.map((d) => d.meta.id);

  it("has a unique id and known elements", () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of BUILTIN_DETECTORS) {
      expect(d.meta.elements.length).toBeGreaterThan(0);
      for (const e of d.meta.elements) expect(Object.hasOwn(ELEMENTS, e)).toBe(true);
      expect(d.meta.description.length).toBeGreaterThan(10);
    }
  });

  for (const d of BUILTIN_DETECTORS) {
    describe(d.meta.id, () => {
      const positives = d.meta.examples.filter((e) => e.expect.length > 0);
      const negatives = d.meta.examples.filter((e) => e.expect.length === 0);

      it("ships at least 3 positive and 3 negative examples", () => {
        expect(positives.length).toBeGreaterThanOrEqual(3);
        expect(negatives.length).toBeGreaterThanOrEqual(3);
      });

      for (const ex of positives) {
        it(`finds ${JSON.stringify(ex.expect)} in ${JSON.stringify(ex.text)}`, () => {
          const element = ex.element ?? d.meta.elements[0]!;
          const found = detectAll(ex.text, { detectors: [d.meta.id] })
            .filter((f) => f.element === element)
            .map((f) => f.text);
          for (const s of ex.expect) expect(found).toContain(s);
        });
      }

      it("reports spans whose text matches the offsets and scores on the ladder", () => {
        for (const ex of d.meta.examples) {
          for (const f of detectAll(ex.text, { detectors: [d.meta.id] })) {
            expect(ex.text.slice(f.start, f.end)).toBe(f.text);
            expect(Object.values(SCORE)).toContain(f.score);
            expect(SCORE[f.explanation.rung]).toBe(f.score);
          }
        }
      });

      for (const ex of negatives) {
        it(`finds nothing in ${JSON.stringify(ex.text)}`, () => {
          const elements = ex.element ? [ex.element] : d.meta.elements;
          const found = detectAll(ex.text, { detectors: [d.meta.id] }).filter((f) =>
            elements.includes(f.element),
          );
          expect(found.map((f) => `${f.element}:${f.text}`)).toEqual([]);
        });
      }
    });
  }
});

describe("detectAll", () => {
  it("reports offsets, rung scores, explanations and table row keys", () => {
    const text = "Sheet: Patients\nName\tMRN\tSSN\nDoe, Jane\t00123456\t212-67-4431\n";
    const found = detectAll(text);
    const ssn = found.find((f) => f.element === "SSN")!;
    expect(text.slice(ssn.start, ssn.end)).toBe("212-67-4431");
    expect(ssn.row).toBe("Patients:2");
    expect(ssn.explanation.context).toContain("header:ssn");
    expect(Object.values(SCORE)).toContain(ssn.score);
    const mrn = found.find((f) => f.element === "MRN")!;
    expect(mrn.text).toBe("00123456");
    expect(mrn.row).toBe("Patients:2");
  });

  it("filters by minScore and by detector id, and rejects unknown ids", () => {
    const text = "SSN 078-05-1120 and SSN 212-67-4431";
    expect(detectAll(text).filter((f) => f.element === "SSN")).toHaveLength(2);
    const strong = detectAll(text, { minScore: SCORE.possible });
    expect(strong.map((f) => f.text)).toEqual(["212-67-4431"]);
    expect(detectAll(text, { detectors: ["email"] })).toEqual([]);
    expect(() => detectAll(text, { detectors: ["nope"] })).toThrow(/unknown detector/);
  });

  it("applies deny rules", () => {
    const text = "Main line (212) 674-4310, patient cell (917) 555-2368";
    const found = detectAll(text, { deny: [{ value: "(212) 674-4310" }] });
    expect(found.map((f) => f.text)).toEqual(["(917) 555-2368"]);
  });

  it("does not put document text into detector errors", () => {
    const boom = {
      meta: { id: "boom", elements: ["SSN" as const], description: "throws", version: "0", examples: [] },
      detect(): Finding[] {
        throw new Error("internal failure");
      },
    };
    expect(() => detectAll("SSN 212-67-4431", { custom: [boom] })).toThrow(
      "detector boom failed: internal failure",
    );
  });
});

describe("resolveOverlaps", () => {
  const f = (
    element: Finding["element"],
    start: number,
    end: number,
    score: number,
    detector = "d",
  ): Finding => ({
    element,
    start,
    end,
    text: "x".repeat(end - start),
    score,
    detector,
    explanation: { candidate: detector, rung: "likely", context: [`c:${detector}`] },
  });

  it("merges same element on the same span, keeping the higher score and both explanations", () => {
    const out = resolveOverlaps([f("MRN", 0, 8, 0.7, "a"), f("MRN", 0, 8, 0.85, "b")]);
    expect(out).toHaveLength(1);
    expect(out[0]!.score).toBe(0.85);
    expect(out[0]!.explanation.context).toEqual(["c:b", "c:a"]);
    expect(out[0]!.explanation.note).toMatch(/also a/);
  });

  it("drops a sub-span of a higher-scored exclusive element, keeps equal scores and non-exclusive elements", () => {
    const out = resolveOverlaps([
      f("PAYMENT_CARD", 0, 16, 0.85),
      f("SSN", 2, 11, 0.5),
      f("NPI", 20, 30, 0.5),
      f("PHONE", 20, 30, 0.5),
      f("EMAIL", 40, 60, 0.85),
      f("URL", 40, 60, 0.5),
      f("PHONE", 70, 80, 0.85),
      f("NPI", 70, 80, 0.5),
    ]);
    expect(out.map((x) => `${x.element}@${x.start}`)).toEqual([
      "PAYMENT_CARD@0",
      "NPI@20",
      "PHONE@20",
      "EMAIL@40",
      "URL@40",
      "PHONE@70",
    ]);
  });

  it("keeps a higher-scored finding inside a lower-scored one of another element", () => {
    const out = resolveOverlaps([f("MRN", 0, 20, 0.5), f("SSN", 5, 14, 0.85)]);
    expect(out).toHaveLength(2);
  });
});
