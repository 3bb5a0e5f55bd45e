import { createCanvas } from "@napi-rs/canvas";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { shutdownOcr } from "../ocr/ocr-engine.js";
import { imageExtractor } from "./image-extractor.js";
import { tiffPageOffsets, tiffSinglePage } from "./tiff-pages.js";

afterAll(() => shutdownOcr());

function grayPage(text: string, w = 800, h = 160): Uint8Array {
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = "#000";
  ctx.font = "48px sans-serif";
  ctx.fillText(text, 20, 90);
  const rgba = ctx.getImageData(0, 0, w, h).data;
  return Uint8Array.from({ length: w * h }, (_, i) => rgba[i * 4] ?? 255);
}

/** A baseline little-endian TIFF with one uncompressed 8-bit grayscale strip per page. */
function multiPageTiff(pages: Uint8Array[], w = 800, h = 160): Uint8Array {
  const tags = 9;
  const ifdSize = 2 + tags * 12 + 4;
  const out = new Uint8Array(8 + pages.length * (ifdSize + w * h));
  const dv = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0], 0);
  dv.setUint32(4, 8, true);
  let at = 8;
  pages.forEach((pixels, p) => {
    const data = at + ifdSize;
    const entries: [number, number, number][] = [
      [256, 3, w],
      [257, 3, h],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1],
      [273, 4, data],
      [277, 3, 1],
      [278, 3, h],
      [279, 4, w * h],
    ];
    dv.setUint16(at, tags, true);
    entries.forEach(([tag, type, value], i) => {
      const o = at + 2 + i * 12;
      dv.setUint16(o, tag, true);
      dv.setUint16(o + 2, type, true);
      dv.setUint32(o + 4, 1, true);
      if (type === 3) dv.setUint16(o + 8, value, true);
      else dv.setUint32(o + 8, value, true);
    });
    const next = p + 1 < pages.length ? data + w * h : 0;
    dv.setUint32(at + 2 + tags * 12, next, true);
    out.set(pixels, data);
    at = data + w * h;
  });
  return out;
}

describe("multi-page TIFF", () => {
  const tiff = multiPageTiff([grayPage("Fax page one"), grayPage("Patient Jane Roe")]);

  it("finds every page directory and isolates one", () => {
    const offsets = tiffPageOffsets(tiff);
    expect(offsets).toHaveLength(2);
    const second = tiffSinglePage(tiff, offsets[1] as number);
    expect(tiffPageOffsets(second)).toEqual([offsets[1]]);
  });

  it("stops on a directory loop", () => {
    const looped = new Uint8Array(tiff);
    const dv = new DataView(looped.buffer);
    const count = dv.getUint16(8, true);
    dv.setUint32(8 + 2 + count * 12, 8, true);
    expect(tiffPageOffsets(looped)).toEqual([8]);
  });

  it("OCRs each page and declares the page count", async () => {
    const r = await imageExtractor({
      bytes: tiff,
      mediaType: "image/tiff",
      limits: DEFAULT_LIMITS,
      ocr: true,
    });
    expect(r.exceptions).toEqual([]);
    expect(r.text).toBe("Fax page one\n\nPatient Jane Roe");
    expect(r.declared).toBe(2);
    expect(r.meta).toMatchObject({ pages: 2, ocrPages: 2 });
  });

  it("respects maxOcrPages", async () => {
    const r = await imageExtractor({
      bytes: tiff,
      mediaType: "image/tiff",
      limits: { ...DEFAULT_LIMITS, maxOcrPages: 1 },
      ocr: true,
    });
    expect(r.text).toBe("Fax page one");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["size-limit"]);
  });
});
