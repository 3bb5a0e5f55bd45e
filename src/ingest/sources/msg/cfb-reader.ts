/**
 * A defensive reader for Compound File Binary ([MS-CFB]) containers, as used by .msg files.
 * Every sector chain is followed with a visited set and every size is checked against the
 * file, so a damaged or hostile file ends in an error or a flagged stream, never a loop or
 * an allocation larger than the file itself.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAX_REGULAR = 0xfffffffa; // larger sector numbers are markers
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECT = 0xffffffff;
const NO_STREAM = 0xffffffff;
const TYPE_STORAGE = 1;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

export interface CfbEntry {
  id: number;
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export interface CfbStreamData {
  bytes: Uint8Array;
  /** Set when the stream could not be read whole; says what was wrong (no content). */
  damage?: string;
}

export function hasCfbSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

export class CfbFile {
  readonly entries: CfbEntry[] = [];
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private miniFat: Uint32Array = new Uint32Array(0);
  private miniStream: Uint8Array = new Uint8Array(0);
  private readonly miniCutoff: number;

  constructor(private readonly bytes: Uint8Array) {
    if (!hasCfbSignature(bytes)) throw new Error("not a Compound File Binary (bad signature)");
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.view.getUint16(30, true);
    if (shift !== 9 && shift !== 12) throw new Error(`compound file has invalid sector shift ${shift}`);
    this.sectorSize = 1 << shift;
    // A partial last sector still counts; reads are clamped to the end of the file.
    this.sectorCount = Math.max(0, Math.ceil((bytes.length - this.sectorSize) / this.sectorSize));
    this.miniCutoff = this.view.getUint32(56, true) || 4096;
    this.fat = this.readFat();
    this.readDirectory();
    this.readMiniStream();
  }

  private u32(offset: number): number {
    return this.view.getUint32(offset, true);
  }

  private sectorOffset(n: number): number {
    return (n + 1) * this.sectorSize;
  }

  private validSector(n: number): boolean {
    return n < this.sectorCount;
  }

  /** The FAT, assembled from the header's DIFAT entries and the DIFAT sector chain. */
  private readFat(): Uint32Array {
    const fatSectors: number[] = [];
    for (let i = 0; i < 109; i++) {
      const s = this.u32(76 + i * 4);
      if (s === FREE_SECT || s === END_OF_CHAIN) break;
      fatSectors.push(s);
    }
    let difat = this.u32(68);
    const seen = new Set<number>();
    const perSector = this.sectorSize / 4 - 1;
    while (difat <= MAX_REGULAR && this.validSector(difat) && !seen.has(difat)) {
      seen.add(difat);
      const base = this.sectorOffset(difat);
      if (base + this.sectorSize > this.bytes.length) break;
      for (let i = 0; i < perSector; i++) {
        const s = this.u32(base + i * 4);
        if (s !== FREE_SECT && s !== END_OF_CHAIN) fatSectors.push(s);
      }
      difat = this.u32(base + perSector * 4);
    }
    // The FAT never needs more entries than there are sectors in the file.
    const usable = fatSectors
      .filter((s) => this.validSector(s))
      .slice(0, Math.ceil(this.sectorCount / (this.sectorSize / 4)) + 1);
    if (usable.length === 0) throw new Error("compound file has no readable FAT");
    const fat = new Uint32Array(usable.length * (this.sectorSize / 4));
    const per = this.sectorSize / 4;
    usable.forEach((s, k) => {
      const base = this.sectorOffset(s);
      const n = Math.min(per, Math.floor((this.bytes.length - base) / 4));
      for (let i = 0; i < per; i++) fat[k * per + i] = i < n ? this.u32(base + i * 4) : FREE_SECT;
    });
    return fat;
  }

  /** Sector numbers of a chain; stops (with a reason) at a loop or a sector outside the file. */
  private chain(start: number, table: Uint32Array, limit: number): { sectors: number[]; damage?: string } {
    const sectors: number[] = [];
    const seen = new Set<number>();
    let s = start;
    while (s !== END_OF_CHAIN) {
      if (s > MAX_REGULAR || s >= limit)
        return { sectors, damage: `sector chain points outside the file (${s})` };
      if (seen.has(s)) return { sectors, damage: "sector chain loops" };
      seen.add(s);
      sectors.push(s);
      const next = table[s];
      if (next === undefined) return { sectors, damage: `sector ${s} has no allocation entry` };
      s = next;
    }
    return { sectors };
  }

  private readChain(start: number, size: number | undefined): CfbStreamData {
    const { sectors, damage } = this.chain(start, this.fat, Math.min(this.sectorCount, this.fat.length));
    const total = sectors.length * this.sectorSize;
    const want = size === undefined ? total : Math.min(size, total);
    const out = new Uint8Array(want);
    let pos = 0;
    for (const s of sectors) {
      if (pos >= want) break;
      const off = this.sectorOffset(s);
      const n = Math.min(this.sectorSize, want - pos, this.bytes.length - off);
      if (n <= 0) break;
      out.set(this.bytes.subarray(off, off + n), pos);
      pos += n;
    }
    const result: CfbStreamData = { bytes: pos === want ? out : out.subarray(0, pos) };
    if (damage) result.damage = damage;
    else if (size !== undefined && pos < size) result.damage = `stream is ${pos} of ${size} bytes`;
    return result;
  }

  private readDirectory(): void {
    const dir = this.readChain(this.u32(48), undefined);
    if (dir.bytes.length < 128) throw new Error("compound file directory is missing");
    const dv = new DataView(dir.bytes.buffer, dir.bytes.byteOffset, dir.bytes.byteLength);
    const count = Math.floor(dir.bytes.length / 128);
    for (let id = 0; id < count; id++) {
      const o = id * 128;
      const nameLen = Math.min(64, dv.getUint16(o + 64, true));
      const name = Buffer.from(
        dir.bytes.buffer,
        dir.bytes.byteOffset + o,
        Math.max(0, nameLen - 2) & ~1,
      ).toString("utf16le");
      this.entries.push({
        id,
        name,
        type: dv.getUint8(o + 66),
        left: dv.getUint32(o + 68, true),
        right: dv.getUint32(o + 72, true),
        child: dv.getUint32(o + 76, true),
        start: dv.getUint32(o + 116, true),
        // Version 3 files only use the low 32 bits; the high half may hold garbage.
        size: dv.getUint32(o + 120, true),
      });
    }
    if (this.entries[0]?.type !== TYPE_ROOT) throw new Error("compound file has no root entry");
  }

  private readMiniStream(): void {
    const root = this.entries[0];
    if (!root || root.start > MAX_REGULAR) return;
    this.miniStream = this.readChain(root.start, root.size).bytes;
    const miniFatStart = this.u32(60);
    if (miniFatStart > MAX_REGULAR) return;
    const raw = this.readChain(miniFatStart, undefined).bytes;
    const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    this.miniFat = new Uint32Array(raw.length >>> 2);
    for (let i = 0; i < this.miniFat.length; i++) this.miniFat[i] = dv.getUint32(i * 4, true);
  }

  /** Reads a stream entry's data, from the mini stream when it is small. */
  read(entry: CfbEntry): CfbStreamData {
    if (entry.size === 0) return { bytes: new Uint8Array(0) };
    if (entry.size >= this.miniCutoff) return this.readChain(entry.start, entry.size);
    const limit = Math.min(this.miniFat.length, Math.floor(this.miniStream.length / 64));
    const { sectors, damage } = this.chain(entry.start, this.miniFat, limit);
    const want = Math.min(entry.size, sectors.length * 64);
    const out = new Uint8Array(want);
    let pos = 0;
    for (const s of sectors) {
      if (pos >= want) break;
      const n = Math.min(64, want - pos);
      out.set(this.miniStream.subarray(s * 64, s * 64 + n), pos);
      pos += n;
    }
    const result: CfbStreamData = { bytes: out.subarray(0, pos) };
    if (damage) result.damage = damage;
    else if (pos < entry.size) result.damage = `stream is ${pos} of ${entry.size} bytes`;
    return result;
  }

  /**
   * The children of a storage: its child entry and that entry's left/right siblings (a
   * red-black tree). Entries already visited anywhere in the file are not visited again.
   */
  childrenOf(storage: CfbEntry, visited: Set<number>): CfbEntry[] {
    const out: CfbEntry[] = [];
    const stack = [storage.child];
    while (stack.length > 0) {
      const id = stack.pop() as number;
      if (id === NO_STREAM || visited.has(id)) continue;
      const e = this.entries[id];
      if (!e) continue;
      visited.add(id);
      if (e.type === TYPE_STREAM || e.type === TYPE_STORAGE) out.push(e);
      stack.push(e.left, e.right);
    }
    return out;
  }
}

export const CFB_TYPE = { storage: TYPE_STORAGE, stream: TYPE_STREAM, root: TYPE_ROOT } as const;
