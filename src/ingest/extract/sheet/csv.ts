/** Delimiters tried when sniffing a CSV file, in order of preference on ties. */
export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Counts a delimiter per line (outside quotes) over the first lines of a sample. */
function countsPerLine(sample: string, delim: string, maxLines: number): number[] {
  const counts: number[] = [];
  let n = 0;
  let quoted = false;
  for (let i = 0; i < sample.length && counts.length < maxLines; i++) {
    const ch = sample[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delim) n++;
    else if (!quoted && ch === "\n") {
      counts.push(n);
      n = 0;
    }
  }
  if (n > 0 && counts.length < maxLines) counts.push(n);
  return counts;
}

/**
 * Picks the delimiter that splits the first lines most consistently: the one whose most
 * common per-line count is highest among those present on most lines.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: CsvDelimiter = ",";
  let bestScore = 0;
  for (const d of CSV_DELIMITERS) {
    const counts = countsPerLine(sample, d, 50).filter((_, i, a) => i < a.length);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeLines = 0;
    for (const [c, lines] of freq) {
      if (lines > modeLines || (lines === modeLines && c > mode)) {
        mode = c;
        modeLines = lines;
      }
    }
    // Consistency (share of lines with the modal count) matters more than the count itself.
    const score = (modeLines / counts.length) * 100 + Math.min(mode, 50);
    if (mode > 0 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Parses delimited text (RFC 4180 quoting, CRLF/LF/CR line ends, quotes doubled inside
 * quoted fields, lenient about stray quotes). Calls `onRow` per record and stops early when
 * it returns false. Linear; never recurses.
 */
export function parseDelimited(
  text: string,
  delim: string,
  onRow: (cells: string[]) => boolean | undefined,
): void {
  let cells: string[] = [];
  let field = "";
  // Whether the field has anything but blanks yet: a quote only opens a quoted field at its start.
  let started = false;
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRow = (): boolean => {
    cells.push(field);
    field = "";
    started = false;
    const keepGoing = onRow(cells) !== false;
    cells = [];
    return keepGoing;
  };
  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !started) {
      field = "";
      started = true;
      quoted = true;
    } else if (ch === delim) {
      cells.push(field);
      field = "";
      started = false;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      if (!endRow()) return;
    } else {
      field += ch;
      if (ch !== " ") started = true;
    }
    i++;
  }
  if (field !== "" || cells.length > 0) endRow();
}
