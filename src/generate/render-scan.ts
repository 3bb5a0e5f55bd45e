import { createCanvas } from "@napi-rs/canvas";
import type { Random } from "./random.js";

/**
 * Draws lines of text as a scanned page would look: dark text on off-white, a slight tilt of
 * the baseline noise, a few specks. Text stays large (18-22 px) so OCR can read it.
 */
export function renderScanImage(lines: readonly string[], rng: Random, format: "png" | "jpeg"): Uint8Array {
  const width = 1275;
  const height = 1650;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fbfaf6";
  ctx.fillRect(0, 0, width, height);
  const size = rng.int(18, 22);
  ctx.font = `${size}px ${rng.pick(["DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono"])}`;
  ctx.fillStyle = "#151515";
  let y = 90;
  for (const line of lines) {
    if (y > height - 60) break;
    ctx.fillText(line, 70 + rng.int(-2, 2), y);
    y += Math.round(size * 1.6);
  }
  ctx.fillStyle = "#777";
  for (let i = 0; i < 60; i++)
    ctx.fillRect(rng.int(0, width), rng.int(0, height), rng.int(1, 3), rng.int(1, 2));
  return format === "png" ? canvas.toBuffer("image/png") : canvas.toBuffer("image/jpeg", 82);
}

/** How many lines fit on one scanned page at the largest font size. */
export const SCAN_LINES_PER_PAGE = 42;
