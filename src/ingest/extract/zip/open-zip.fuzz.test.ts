import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { isExceptionReason } from "../../../core/exception.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { openZip } from "./open-zip.js";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe.skipIf(!hasFixtures)(`openZip on damaged archives ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("opens and reads bit-flipped and truncated archives without crashing", async () => {
    const rand = rng(7);
    const original = readFileSync(fixture("zip/tika-test-documents.zip"));
    let readable = 0;
    let failed = 0;
    for (let round = 0; round < 60; round++) {
      const damaged = Buffer.from(
        round % 2 ? original.subarray(0, Math.floor(rand() * original.length)) : original,
      );
      for (let flips = 0; flips < 8; flips++)
        damaged[Math.floor(rand() * damaged.length)] = Math.floor(rand() * 256);
      const zip = await openZip(damaged, DEFAULT_LIMITS);
      for (const x of zip.exceptions) expect(isExceptionReason(x.reason)).toBe(true);
      for (const entry of zip.entries) {
        try {
          const bytes = await zip.readEntry(entry);
          expect(bytes.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxItemBytes);
          readable++;
        } catch (err) {
          // Every failure carries a reason code ingest can record.
          expect(isExceptionReason(String((err as { reason?: unknown }).reason))).toBe(true);
          failed++;
        }
      }
      await zip.close();
    }
    expect(readable).toBeGreaterThan(50);
    expect(failed).toBeGreaterThan(0);
  });
});
