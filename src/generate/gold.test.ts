import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateIncident } from "./incident.js";

describe("gold.jsonl", () => {
  it("holds texts whose spans are exact, for breachscope eval --gold", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bs-gold-"));
    try {
      await generateIncident({ outDir: join(dir, "out"), seed: 9, patients: 60, messages: 40 });
      const lines = readFileSync(join(dir, "out", "gold.jsonl"), "utf8")
        .trim()
        .split("\n");
      expect(lines.length).toBeGreaterThan(20);
      let spans = 0;
      const entities = new Set<string>();
      for (const line of lines) {
        const g = JSON.parse(line) as {
          text: string;
          spans: { entity: string; start: number; end: number }[];
        };
        for (const s of g.spans) {
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(g.text.length);
          entities.add(s.entity);
          spans++;
        }
      }
      expect(spans).toBeGreaterThan(50);
      expect(entities).toContain("PERSON_NAME");
      expect(entities).toContain("DATE_OF_BIRTH");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
