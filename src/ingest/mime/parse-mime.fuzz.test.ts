import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../core/limits.js";
import { parseMime } from "./parse-mime.js";

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe.skipIf(!hasFixtures)(`parseMime on damaged fixtures ${hasFixtures ? "" : NO_FIXTURES}`, () => {
  it("never throws and keeps its accounting on truncated and bit-flipped messages", async () => {
    const rand = rng(42);
    for (const name of [
      "postal-mime-mimetorture.eml",
      "mailparser-nodemailer.eml",
      "tika-testRFC822-multipart",
    ]) {
      const original = readFileSync(fixture(`eml/${name}`));
      for (let round = 0; round < 25; round++) {
        const damaged = Buffer.from(original.subarray(0, Math.floor(rand() * original.length)));
        for (let flips = 0; flips < 20; flips++) {
          damaged[Math.floor(rand() * damaged.length)] = Math.floor(rand() * 256);
        }
        const m = await parseMime(damaged, DEFAULT_LIMITS);
        expect(m.kind).toBe("message");
        const read = m.attachments.length;
        const declared = m.declaredAttachments ?? 0;
        // Either everything declared was read, or the shortfall is recorded.
        if (read < declared) expect(m.exceptions.map((e) => e.reason)).toContain("declared-not-read");
      }
    }
  });
});
