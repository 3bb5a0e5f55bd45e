import { describeError, type ExceptionInput } from "../../../core/exception.js";
import type { Limits } from "../../../core/limits.js";
import { ocrImage } from "../ocr/ocr-engine.js";
import { limitText } from "../text/limit-text.js";
import type { Extractor, ExtractResult } from "../types.js";
import { imageSize } from "./image-size.js";
import { reencodeAsPng } from "./reencode.js";
import { tiffPageOffsets, tiffSinglePage } from "./tiff-pages.js";

/** Images smaller than this on either side (icons, signature logos) are not worth OCR. */
export const MIN_OCR_SIDE = 64;
export const MIN_OCR_BYTES = 2048;
/** Larger images are scaled down to this many pixels before OCR (about an A4 page at 400 dpi). */
export const MAX_OCR_PIXELS = 16_000_000;
/** Images that claim more pixels than this are not decoded at all (a decompression bomb). */
export const MAX_DECODE_PIXELS = 250_000_000;

async function recognise(
  bytes: Uint8Array,
  needsScaling: boolean,
): Promise<{ text: string; confidence: number }> {
  if (needsScaling) return ocrImage(await reencodeAsPng(bytes, MAX_OCR_PIXELS));
  try {
    return await ocrImage(bytes);
  } catch (first) {
    // The engine's image reader lacks some formats and variants; try canvas's decoder.
    let png: Buffer;
    try {
      png = await reencodeAsPng(bytes, MAX_OCR_PIXELS);
    } catch {
      throw first;
    }
    return ocrImage(png);
  }
}

/** Each page of a multi-page TIFF (a fax, a scanned record) OCR'd in turn, up to maxOcrPages. */
async function ocrTiffPages(
  bytes: Uint8Array,
  pages: number[],
  limits: Limits,
  meta: Record<string, string | number | boolean>,
): Promise<ExtractResult> {
  const exceptions: ExceptionInput[] = [];
  const texts: string[] = [];
  let recognised = 0;
  const limit = Math.min(pages.length, limits.maxOcrPages);
  for (let i = 0; i < limit; i++) {
    try {
      const r = await recognise(tiffSinglePage(bytes, pages[i] as number), false);
      texts.push(r.text.trim());
      recognised++;
    } catch (err) {
      exceptions.push({
        reason: "ocr-failed",
        detail: `page could not be recognised: ${describeError(err)}`,
        where: `page ${i + 1}`,
      });
    }
  }
  if (limit < pages.length) {
    exceptions.push({
      reason: "size-limit",
      detail: `OCR limit of ${limits.maxOcrPages} pages reached; pages ${limit + 1}–${pages.length} not recognised`,
    });
  }
  const text = limitText(texts.filter(Boolean).join("\n\n"), limits, exceptions);
  return {
    text,
    exceptions,
    declared: pages.length,
    meta: { ...meta, ocr: recognised > 0, pages: pages.length, ocrPages: recognised },
  };
}

/** Images (attachments, inline pictures, scans): text by OCR when `input.ocr` is on. */
export const imageExtractor: Extractor = async (input): Promise<ExtractResult> => {
  const exceptions: ExceptionInput[] = [];
  const size = imageSize(input.bytes);
  const meta: Record<string, string | number | boolean> = { ocr: false };
  if (size) {
    meta["width"] = size.width;
    meta["height"] = size.height;
  }
  if (
    input.bytes.length < MIN_OCR_BYTES ||
    (size && (size.width < MIN_OCR_SIDE || size.height < MIN_OCR_SIDE))
  ) {
    return { text: "", exceptions, meta: { ...meta, skipped: "too small" } };
  }
  if (!input.ocr) {
    // Not silently dropped: the reconciliation lists every image left unread by this choice.
    exceptions.push({ reason: "skipped", detail: "image not recognised: OCR is off" });
    return { text: "", exceptions, meta: { ...meta, skipped: "ocr off" } };
  }
  if (input.limits.maxOcrPages < 1) {
    exceptions.push({ reason: "size-limit", detail: "OCR page limit is 0; image not recognised" });
    return { text: "", exceptions, meta };
  }
  const pixels = size ? size.width * size.height : 0;
  if (pixels > MAX_DECODE_PIXELS) {
    exceptions.push({
      reason: "size-limit",
      detail: `image of ${size?.width}x${size?.height} pixels not decoded`,
    });
    return { text: "", exceptions, meta };
  }
  const pages = tiffPageOffsets(input.bytes);
  if (pages.length > 1) return ocrTiffPages(input.bytes, pages, input.limits, meta);
  try {
    const r = await recognise(input.bytes, pixels > MAX_OCR_PIXELS);
    const text = limitText(r.text.trim(), input.limits, exceptions);
    return { text, exceptions, meta: { ...meta, ocr: true, confidence: Math.round(r.confidence) } };
  } catch (err) {
    exceptions.push({ reason: "ocr-failed", detail: `image could not be recognised: ${describeError(err)}` });
    return { text: "", exceptions, meta };
  }
};
