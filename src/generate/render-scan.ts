import { createCanvas } from "@napi-rs/canvas";
import type { Random } from "./random.js";

/**
 * Draws lines of text as a scanned page would look: dark text on off-white, a slightly
 * jittered margin, a few specks. Text stays large (16-20 px at 120 dpi) so OCR can read it.
 */
export function renderScanImage(lines: readonly string[], rng: Random, format: "png" | "jpeg"): Uint8Array {
  // Letter size at 120 dpi: big enough for OCR, small enough to encode quickly.
  const width = 1020;
  const height = 1320;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fbfaf6";
  ctx.fillRect(0, 0, width, height);
  const size = rng.int(16, 20);
  ctx.font = `${size}px ${rng.pick(["DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono"])}`;
  ctx.fillStyle = "#151515";
  let y = 72;
  for (const line of lines) {
    if (y > height - 48) break;
    ctx.fillText(line, 56 + rng.int(-2, 2), y);
    y += Math.round(size * 1.6);
  }
  ctx.fillStyle = "#777";
  for (let i = 0; i < 60; i++)
    ctx.fillRect(rng.int(0, width), rng.int(0, height), rng.int(1, 3), rng.int(1, 2));
  return format === "png" ? canvas.toBuffer("image/png") : canvas.toBuffer("image/jpeg", 82);
}

/** How many lines fit on one scanned page at the largest font size (20 px, 32 px leading). */
export const SCAN_LINES_PER_PAGE = 37;
