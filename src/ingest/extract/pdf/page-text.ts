/** The parts of a pdf.js text item that layout needs. */
export interface PositionedText {
  str: string;
  /** [a, b, c, d, e, f]: e and f are the x and y of the item's origin. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * Joins a page's text items in content-stream order into lines: a new line when the
 * baseline moves by more than half a line or the item ends one; a space for a word-sized
 * gap and a tab for a column-sized gap on the same line.
 */
export function layoutPageText(items: readonly PositionedText[]): string {
  let out = "";
  let lastY: number | undefined;
  let lastEndX = 0;
  let lastHeight = 0;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = Math.abs(item.height) || Math.abs(item.transform[3] ?? 0) || lastHeight || 10;
    if (item.str.length > 0 && lastY !== undefined && !out.endsWith("\n")) {
      if (Math.abs(y - lastY) > Math.max(size, lastHeight) * 0.5) out += "\n";
      else {
        const gap = x - lastEndX;
        const last = out.at(-1) ?? "";
        if (gap > size * 3) out += "\t";
        else if (gap > size * 0.15 && !/\s/.test(last) && !/^\s/.test(item.str)) out += " ";
      }
    }
    out += item.str;
    if (item.str.length > 0) {
      lastY = y;
      lastEndX = x + item.width;
      lastHeight = size;
    }
    if (item.hasEOL && !out.endsWith("\n")) out += "\n";
  }
  return out
    .split("\n")
    .map((l) => l.replace(/[ \t]+$/, ""))
    .join("\n")
    .trim();
}
