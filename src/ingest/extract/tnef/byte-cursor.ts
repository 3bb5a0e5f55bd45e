/** Thrown when a read would go past the end of the data; callers turn it into a `truncated` exception. */
export class OutOfBounds extends Error {
  constructor(what: string, at: number) {
    super(`${what} at offset ${at} runs past the end of the data`);
    this.name = "OutOfBounds";
  }
}

/** A little-endian reader over bytes that checks every read against the end. */
export class ByteCursor {
  readonly view: DataView;
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = pos;
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  need(n: number, what: string): void {
    if (n < 0 || n > this.remaining) throw new OutOfBounds(what, this.pos);
  }

  u8(what = "byte"): number {
    this.need(1, what);
    return this.view.getUint8(this.pos++);
  }

  u16(what = "uint16"): number {
    this.need(2, what);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }

  u32(what = "uint32"): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** A view of the next `n` bytes (no copy). */
  take(n: number, what = "data"): Uint8Array {
    this.need(n, what);
    const v = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  skip(n: number, what = "padding"): void {
    this.need(n, what);
    this.pos += n;
  }

  /** Skips to the next multiple of 4 from `base`, tolerating a missing final pad. */
  align4(base = 0): void {
    const pad = (4 - ((this.pos - base) % 4)) % 4;
    this.pos = Math.min(this.bytes.length, this.pos + pad);
  }
}
