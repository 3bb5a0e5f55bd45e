/** One message cut out of an MBOX stream. */
export interface MboxPiece {
  /** 1-based position of the message in the file. */
  ordinal: number;
  /** The message bytes (still ">From " escaped); absent when oversize or skipped. */
  bytes?: Buffer;
  /** Bytes the message spans in the file (what was seen before it was dropped, if oversize). */
  size: number;
  oversize: boolean;
  skipped: boolean;
}

export interface MboxSplitterOptions {
  maxMessageBytes: number;
  /** Asked once per message when its separator is seen: true means do not buffer it. */
  skip?: (ordinal: number) => boolean;
}

const FROM_NL = Buffer.from("\nFrom ");
const SPAN = FROM_NL.length - 1;

interface Chunk {
  buf: Buffer;
  start: number;
}

function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}

/**
 * Splits an MBOX byte stream into messages without holding more than one message (plus one
 * chunk) in memory. A separator is a line starting with "From " at the start of the file or
 * right after a blank line (LF or CRLF). Searching uses Buffer.indexOf on whole chunks, so the
 * cost per byte is a native memory scan; a separator split across two chunks is found by
 * looking at the few bytes either side of the seam.
 *
 * Text before the first separator (a file that is really one EML, or junk) is returned as a
 * message of its own when it is not blank, so nothing in the file goes unaccounted.
 */
export class MboxSplitter {
  private readonly options: MboxSplitterOptions;
  /** Global offset of the next chunk's first byte. */
  private offset = 0;
  /** The last bytes seen, for separators that straddle two chunks. A virtual blank line starts the file. */
  private tail: Buffer = Buffer.from("\n\n");
  private pieces: Chunk[] = [];
  /** Where the current message's bytes start; undefined while its separator line is still being read. */
  private msgStart: number | undefined = 0;
  private ordinal = 0;
  private preamble = true;
  private oversize = false;
  private skipping = false;
  private sepLineOpen = false;
  /** How many messages were found (separators, plus a non-blank preamble). */
  declared = 0;

  constructor(options: MboxSplitterOptions) {
    this.options = options;
  }

  push(chunk: Buffer): MboxPiece[] {
    const out: MboxPiece[] = [];
    const start = this.offset;
    if (chunk.length === 0) return out;
    if (this.msgStart !== undefined && !this.oversize && !this.skipping)
      this.pieces.push({ buf: chunk, start });

    const tail = this.tail;
    const at = (k: number): number | undefined => (k >= 0 ? chunk[k] : tail[tail.length + k]);
    const blankBefore = (h: number): boolean => {
      const a = at(h - 1);
      return a === 0x0a || (a === 0x0d && at(h - 2) === 0x0a);
    };

    let i = 0;
    // A separator whose "\nFrom " starts in the previous chunk and ends in this one.
    if (!this.sepLineOpen) {
      const seamTail = tail.subarray(Math.max(0, tail.length - SPAN));
      const joint = Buffer.concat([seamTail, chunk.subarray(0, SPAN)]);
      const j = joint.indexOf(FROM_NL);
      if (j >= 0 && j < seamTail.length && j + FROM_NL.length <= joint.length) {
        const h = j - seamTail.length;
        if (blankBefore(h)) {
          this.separator(start + h, start, at, out);
          i = h + FROM_NL.length;
        }
      }
    }

    while (i < chunk.length) {
      if (this.sepLineOpen) {
        const nl = chunk.indexOf(0x0a, Math.max(i, 0));
        if (nl < 0) break;
        this.sepLineOpen = false;
        this.msgStart = start + nl + 1;
        this.pieces = this.skipping ? [] : [{ buf: chunk, start }];
        i = nl + 1;
        continue;
      }
      const h = chunk.indexOf(FROM_NL, i);
      if (h < 0) break;
      i = h + 1;
      if (!blankBefore(h)) continue;
      this.separator(start + h, start, at, out);
      i = h + FROM_NL.length;
    }

    this.offset += chunk.length;
    this.tail =
      chunk.length >= 8 ? chunk.subarray(chunk.length - 8) : Buffer.concat([tail, chunk]).subarray(-8);
    if (
      this.msgStart !== undefined &&
      !this.oversize &&
      !this.skipping &&
      this.offset - this.msgStart > this.options.maxMessageBytes
    ) {
      this.oversize = true;
      this.pieces = [];
    }
    return out;
  }

  /** Call once at the end of the stream: returns the last message. */
  end(): MboxPiece[] {
    const out: MboxPiece[] = [];
    if (this.sepLineOpen) {
      // A separator line with nothing after it: an empty message.
      this.sepLineOpen = false;
      this.msgStart = this.offset;
      this.pieces = [];
    }
    this.finish(this.offset, out);
    this.pieces = [];
    return out;
  }

  private separator(
    globalH: number,
    chunkStart: number,
    at: (k: number) => number | undefined,
    out: MboxPiece[],
  ): void {
    // The message ends before the blank line's line break ("\r\n" or "\n").
    let end = globalH;
    if (at(globalH - chunkStart - 1) === 0x0d) end--;
    this.finish(end, out);
    this.ordinal++;
    this.declared++;
    this.preamble = false;
    this.oversize = false;
    this.skipping = this.options.skip?.(this.ordinal) ?? false;
    this.sepLineOpen = true;
    this.msgStart = undefined;
    this.pieces = [];
  }

  private finish(end: number, out: MboxPiece[]): void {
    const msgStart = this.msgStart;
    if (msgStart === undefined) return;
    const size = Math.max(0, end - msgStart);
    if (this.preamble) {
      // Only a preamble that holds something counts as a message.
      if (size === 0 || this.oversize) {
        if (this.oversize) this.emitPreamble(out, size, undefined);
        return;
      }
      const bytes = this.take(msgStart, end);
      if (isBlank(bytes)) return;
      this.emitPreamble(out, size, bytes);
      return;
    }
    if (this.skipping) {
      out.push({ ordinal: this.ordinal, size, oversize: false, skipped: true });
      return;
    }
    if (this.oversize || size > this.options.maxMessageBytes) {
      out.push({ ordinal: this.ordinal, size, oversize: true, skipped: false });
      return;
    }
    out.push({
      ordinal: this.ordinal,
      bytes: this.take(msgStart, end),
      size,
      oversize: false,
      skipped: false,
    });
  }

  private emitPreamble(out: MboxPiece[], size: number, bytes: Buffer | undefined): void {
    this.ordinal++;
    this.declared++;
    const skipped = this.options.skip?.(this.ordinal) ?? false;
    const oversize = !bytes || size > this.options.maxMessageBytes;
    out.push({
      ordinal: this.ordinal,
      size,
      oversize: oversize && !skipped,
      skipped,
      ...(bytes && !oversize && !skipped ? { bytes } : {}),
    });
  }

  /** Copies [from, to) out of the buffered chunks. */
  private take(from: number, to: number): Buffer {
    const parts: Buffer[] = [];
    for (const p of this.pieces) {
      const s = Math.max(from, p.start);
      const e = Math.min(to, p.start + p.buf.length);
      if (e > s) parts.push(p.buf.subarray(s - p.start, e - p.start));
    }
    return Buffer.concat(parts);
  }
}
