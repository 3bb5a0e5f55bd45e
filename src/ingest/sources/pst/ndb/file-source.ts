import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { hex, PstError } from "./pst-error.js";

/** Random-access reads from the evidence file; nothing is kept in memory beyond what is returned. */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes at `offset`; throws a PstError when the range is outside the file. */
  read(offset: number, length: number): Buffer;
  close(): void;
}

function checkRange(size: number, offset: number, length: number, what: string): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new PstError("corrupt", `${what}: invalid offset ${offset} or length ${length}`);
  }
  if (offset + length > size) {
    throw new PstError("truncated", `${what}: range ${hex(offset)}+${length} is beyond the end of the file`);
  }
}

/** Size of one read-ahead window, and how many are kept (a small, fixed amount of memory). */
const WINDOW_BYTES = 128 * 1024;
const WINDOWS = 8;

/**
 * Positional reads through a file descriptor (works for files far larger than memory). Small
 * reads are served from a few aligned read-ahead windows: PST structures are small and
 * mostly near each other, so this replaces many small system calls with a few larger ones.
 */
export class FileSource implements ByteSource {
  private fd: number | undefined;
  readonly size: number;
  /** Window start offset → bytes, in least-recently-used order. */
  private readonly windows = new Map<number, Buffer>();

  constructor(path: string) {
    this.fd = openSync(path, "r");
    try {
      this.size = fstatSync(this.fd).size;
    } catch (err) {
      closeSync(this.fd);
      throw err;
    }
  }

  read(offset: number, length: number): Buffer {
    checkRange(this.size, offset, length, "read");
    const start = offset - (offset % WINDOW_BYTES);
    if (offset + length <= start + WINDOW_BYTES) {
      const window = this.window(start);
      const from = offset - start;
      if (from + length <= window.length) return Buffer.from(window.subarray(from, from + length));
    }
    return this.readDirect(offset, length);
  }

  private window(start: number): Buffer {
    const hit = this.windows.get(start);
    if (hit) {
      this.windows.delete(start);
      this.windows.set(start, hit);
      return hit;
    }
    const bytes = this.readDirect(start, Math.min(WINDOW_BYTES, this.size - start));
    this.windows.set(start, bytes);
    if (this.windows.size > WINDOWS) this.windows.delete(this.windows.keys().next().value as number);
    return bytes;
  }

  private readDirect(offset: number, length: number): Buffer {
    if (this.fd === undefined) throw new PstError("read-error", "the file is closed");
    const buf = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      let n: number;
      try {
        n = readSync(this.fd, buf, done, length - done, offset + done);
      } catch (err) {
        throw new PstError("read-error", `read at ${hex(offset + done)} failed: ${(err as Error).message}`);
      }
      if (n === 0) throw new PstError("truncated", `read at ${hex(offset + done)} returned no data`);
      done += n;
    }
    return buf;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.windows.clear();
  }
}

/** An in-memory source, for tests that damage a copy of a fixture. */
export class BufferSource implements ByteSource {
  constructor(private readonly bytes: Buffer) {}

  get size(): number {
    return this.bytes.length;
  }

  read(offset: number, length: number): Buffer {
    checkRange(this.bytes.length, offset, length, "read");
    return Buffer.from(this.bytes.subarray(offset, offset + length));
  }

  close(): void {}
}
