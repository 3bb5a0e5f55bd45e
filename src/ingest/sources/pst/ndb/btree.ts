import type { ByteSource } from "./file-source.js";
import type { NdbLayout } from "./header.js";
import { u64 } from "./header.js";
import { LruCache } from "./lru-cache.js";
import { corrupt, hex } from "./pst-error.js";

export const PTYPE_BBT = 0x80;
export const PTYPE_NBT = 0x81;

/** A node: its data and subnode blocks ([MS-PST] NBTENTRY). */
export interface NodeEntry {
  nid: number;
  bidData: number;
  bidSub: number;
  nidParent: number;
}

/** Where a block lives ([MS-PST] BBTENTRY); `cbInflated` differs from `cb` for compressed OST blocks. */
export interface BlockEntry {
  bid: number;
  ib: number;
  cb: number;
  cbInflated: number;
}

interface Page {
  buf: Buffer;
  count: number;
  entrySize: number;
  level: number;
}

const MAX_LEVELS = 16;

/** The lowest bit of a BID is reserved; lookups ignore it. */
export function bidKey(bid: number): number {
  return bid - (bid % 2);
}

/**
 * Reads NBT and BBT pages through a bounded page cache. Lookups descend from the root by
 * binary search; every page is checked for its type and level before it is trusted.
 */
export class BTreeReader {
  private readonly cache: LruCache<number, Page>;

  constructor(
    private readonly src: ByteSource,
    private readonly layout: NdbLayout,
    cacheBytes = 8 * 1024 * 1024,
  ) {
    this.cache = new LruCache(cacheBytes);
  }

  private page(ib: number, ptype: number, expectLevel: number | undefined): Page {
    const key = ib * 2 + (ptype & 1);
    const cached = this.cache.get(key);
    if (cached) {
      if (expectLevel !== undefined && cached.level !== expectLevel) {
        throw corrupt(`B-tree page at ${hex(ib)} has level ${cached.level}, expected ${expectLevel}`);
      }
      return cached;
    }
    const L = this.layout;
    if (ib % 64 !== 0) throw corrupt(`B-tree page offset ${hex(ib)} is not aligned`);
    const buf = this.src.read(ib, L.pageSize);
    const t = L.pageTrailerOffset;
    if (buf[t] !== ptype || buf[t + 1] !== ptype) {
      throw corrupt(`page at ${hex(ib)} has type ${hex(buf[t]!)}, expected ${hex(ptype)}`);
    }
    const c = L.cEntOffset;
    const count = L.cEntWide ? buf.readUInt16LE(c) : buf[c]!;
    const entrySize = L.cEntWide ? buf[c + 4]! : buf[c + 2]!;
    const level = L.cEntWide ? buf[c + 5]! : buf[c + 3]!;
    const min = minEntrySize(L.wide, ptype, level);
    if (entrySize < min || count * entrySize > L.entryArea || level > MAX_LEVELS) {
      throw corrupt(`B-tree page at ${hex(ib)} has an invalid header (entries ${count}, size ${entrySize})`);
    }
    if (expectLevel !== undefined && level !== expectLevel) {
      throw corrupt(`B-tree page at ${hex(ib)} has level ${level}, expected ${expectLevel}`);
    }
    const page = { buf, count, entrySize, level };
    this.cache.set(key, page, L.pageSize + 64);
    return page;
  }

  private key(p: Page, i: number): number {
    const off = i * p.entrySize;
    return this.layout.wide ? u64(p.buf, off) : p.buf.readUInt32LE(off);
  }

  /** Index of the last entry whose key is <= target, or -1. */
  private floor(p: Page, target: number, normalise: (k: number) => number): number {
    let lo = 0;
    let hi = p.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (normalise(this.key(p, mid)) <= target) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Descends to the leaf page that would hold `target`; returns it and the entry index, if present. */
  private findLeaf(rootIb: number, ptype: number, target: number, normalise: (k: number) => number) {
    let p = this.page(rootIb, ptype, undefined);
    let guard = 0;
    while (p.level > 0) {
      if (++guard > MAX_LEVELS) throw corrupt("B-tree is deeper than allowed");
      const i = this.floor(p, target, normalise);
      if (i < 0) return undefined;
      const off = i * p.entrySize;
      const childIb = this.layout.wide ? u64(p.buf, off + 16) : p.buf.readUInt32LE(off + 8);
      p = this.page(childIb, ptype, p.level - 1);
    }
    const i = this.floor(p, target, normalise);
    if (i < 0 || normalise(this.key(p, i)) !== target) return undefined;
    return { p, off: i * p.entrySize };
  }

  /** Looks a node up in the NBT; undefined when the NID is absent. */
  findNode(nbtRootIb: number, nid: number): NodeEntry | undefined {
    const hit = this.findLeaf(nbtRootIb, PTYPE_NBT, nid, (k) => k % 0x1_0000_0000);
    if (!hit) return undefined;
    return this.nodeAt(hit.p.buf, hit.off);
  }

  private nodeAt(b: Buffer, off: number): NodeEntry {
    if (this.layout.wide) {
      return {
        nid: b.readUInt32LE(off),
        bidData: u64(b, off + 8),
        bidSub: u64(b, off + 16),
        nidParent: b.readUInt32LE(off + 24),
      };
    }
    return {
      nid: b.readUInt32LE(off),
      bidData: b.readUInt32LE(off + 4),
      bidSub: b.readUInt32LE(off + 8),
      nidParent: b.readUInt32LE(off + 12),
    };
  }

  /** Looks a block up in the BBT; undefined when the BID is absent. */
  findBlock(bbtRootIb: number, bid: number): BlockEntry | undefined {
    const hit = this.findLeaf(bbtRootIb, PTYPE_BBT, bidKey(bid), bidKey);
    if (!hit) return undefined;
    const { p, off } = hit;
    const b = p.buf;
    if (this.layout.wide) {
      const cb = b.readUInt16LE(off + 16);
      const cbInflated = this.layout.compressedBlocks ? b.readUInt16LE(off + 18) : cb;
      return { bid: u64(b, off), ib: u64(b, off + 8), cb, cbInflated };
    }
    const cb = b.readUInt16LE(off + 8);
    return { bid: b.readUInt32LE(off), ib: b.readUInt32LE(off + 4), cb, cbInflated: cb };
  }

  /**
   * Visits every NBT leaf entry in key order. Damaged subtrees are reported through `onError`
   * and skipped, so one bad page does not hide the rest of the tree.
   */
  *nodes(nbtRootIb: number, onError: (err: unknown, ib: number) => void): Generator<NodeEntry> {
    const visited = new Set<number>();
    const stack: { ib: number; level: number | undefined }[] = [{ ib: nbtRootIb, level: undefined }];
    while (stack.length > 0) {
      const { ib, level } = stack.pop()!;
      if (visited.has(ib)) continue;
      visited.add(ib);
      let p: Page;
      try {
        p = this.page(ib, PTYPE_NBT, level);
      } catch (err) {
        onError(err, ib);
        continue;
      }
      if (p.level === 0) {
        for (let i = 0; i < p.count; i++) yield this.nodeAt(p.buf, i * p.entrySize);
        continue;
      }
      // Push children in reverse so they are visited in key order.
      for (let i = p.count - 1; i >= 0; i--) {
        const off = i * p.entrySize;
        const childIb = this.layout.wide ? u64(p.buf, off + 16) : p.buf.readUInt32LE(off + 8);
        stack.push({ ib: childIb, level: p.level - 1 });
      }
    }
  }
}

function minEntrySize(wide: boolean, ptype: number, level: number): number {
  if (level > 0) return wide ? 24 : 12;
  if (ptype === PTYPE_NBT) return wide ? 32 : 16;
  return wide ? 24 : 12;
}
