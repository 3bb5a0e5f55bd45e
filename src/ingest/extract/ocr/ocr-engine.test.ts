import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { ocrImage, shutdownOcr } from "./ocr-engine.js";

afterAll(() => shutdownOcr());

describe.skipIf(!hasFixtures)(`ocrImage (${NO_FIXTURES})`, () => {
  const jpeg = () => readFileSync(fixture("docs/tika-testOCR.jpg"));

  it("recognises text offline with the bundled English model", async () => {
    const r = await ocrImage(jpeg());
    expect(r.text).toBe("Apache Tika\nOCR Testing\n");
    expect(r.confidence).toBeGreaterThan(80);
  });

  it("times out one image, then recovers with a fresh worker", async () => {
    await expect(ocrImage(jpeg(), 1)).rejects.toThrow(/timed out/);
    const r = await ocrImage(jpeg());
    expect(r.text).toContain("OCR Testing");
  });

  it("rejects undecodable bytes and keeps working", async () => {
    await expect(ocrImage(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).rejects.toThrow();
    const results = await Promise.all([
      ocrImage(jpeg()),
      ocrImage(readFileSync(fixture("docs/tika-testOCR_spacing.png"))),
    ]);
    expect(results.map((r) => r.text.trim())).toEqual(["Apache Tika\nOCR Testing", "The quick brown fox"]);
  });
});
