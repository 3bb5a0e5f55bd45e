import { readFileSync } from "node:fs";
import { createCanvas } from "@napi-rs/canvas";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, hasFixtures, NO_FIXTURES } from "../../../../test/fixtures.js";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { shutdownOcr } from "../ocr/ocr-engine.js";
import { imageExtractor } from "./image-extractor.js";
import { imageSize } from "./image-size.js";

afterAll(() => shutdownOcr());

const run = (bytes: Uint8Array, ocr = true) =>
  imageExtractor({ bytes, mediaType: "image/png", limits: DEFAULT_LIMITS, ocr });

function pngOf(width: number, height: number, text?: string): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  if (text) {
    ctx.fillStyle = "#000";
    ctx.font = "48px sans-serif";
    ctx.fillText(text, 20, height / 2);
  }
  return canvas.encodeSync("png");
}

describe("imageSize", () => {
  it("reads PNG, JPEG, BMP and WEBP headers", async () => {
    const canvas = createCanvas(123, 45);
    expect(imageSize(await canvas.encode("png"))).toEqual({ width: 123, height: 45 });
    expect(imageSize(await canvas.encode("jpeg"))).toEqual({ width: 123, height: 45 });
    expect(imageSize(await canvas.encode("webp"))).toEqual({ width: 123, height: 45 });
  });

  it("returns undefined for damaged headers", () => {
    expect(
      imageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, ...new Array(30).fill(0)])),
    ).toBeUndefined();
    expect(imageSize(new Uint8Array(5))).toBeUndefined();
  });
});

describe("imageExtractor", () => {
  it("skips tiny images without an exception", async () => {
    const r = await run(pngOf(40, 40));
    expect(r.text).toBe("");
    expect(r.exceptions).toEqual([]);
    expect(r.meta?.["skipped"]).toBe("too small");
  });

  it("records the image as skipped when OCR is off", async () => {
    const r = await run(pngOf(400, 100, "Hello"), false);
    expect(r.meta?.["skipped"]).toBe("ocr off");
    expect(r.exceptions.map((x) => x.reason)).toEqual(["skipped"]);
  });

  it("records ocr-failed for an undecodable image", async () => {
    const junk = new Uint8Array(5000);
    junk.set([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0,
      1, 0,
    ]);
    const r = await run(junk);
    expect(r.text).toBe("");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["ocr-failed"]);
  });

  it("recognises rendered text", async () => {
    const r = await run(pngOf(900, 160, "Patient Jane Roe"));
    expect(r.text).toContain("Jane Roe");
    expect(r.meta?.["ocr"]).toBe(true);
  });
});

describe.skipIf(!hasFixtures)(`imageExtractor on Tika's OCR images (${NO_FIXTURES})`, () => {
  it("reads the JPEG", async () => {
    const r = await run(readFileSync(fixture("docs/tika-testOCR.jpg")));
    expect(r.text).toBe("Apache Tika\nOCR Testing");
    expect(r.exceptions).toEqual([]);
    expect(Number(r.meta?.["confidence"])).toBeGreaterThan(80);
  });

  it("reads the PNG", async () => {
    const r = await run(readFileSync(fixture("docs/tika-testOCR_spacing.png")));
    expect(r.text).toBe("The quick brown fox");
  });
});
