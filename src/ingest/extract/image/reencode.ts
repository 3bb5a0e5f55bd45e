import { createCanvas, loadImage } from "@napi-rs/canvas";

/**
 * Decodes an image with @napi-rs/canvas and re-encodes it as PNG, scaled down so it has at
 * most `maxPixels` pixels. Used when the OCR engine cannot read the original format or the
 * image is too large to recognise in reasonable time.
 */
export async function reencodeAsPng(bytes: Uint8Array, maxPixels: number): Promise<Buffer> {
  const img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const pixels = img.width * img.height;
  if (!pixels) throw new Error("image has no pixels");
  const scale = pixels > maxPixels ? Math.sqrt(maxPixels / pixels) : 1;
  const width = Math.max(1, Math.floor(img.width * scale));
  const height = Math.max(1, Math.floor(img.height * scale));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  // OCR wants dark text on white; transparent areas would otherwise turn black.
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, width, height);
  return canvas.encode("png");
}
