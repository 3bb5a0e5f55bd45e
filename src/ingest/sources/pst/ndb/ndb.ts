import { inflateSync } from "node:zlib";
import type { BlockEntry, NodeEntry } from "./btree.js";
import { BTreeReader, bidKey } from "./btree.js";
import { CRYPT_CYCLIC, CRYPT_NONE, CRYPT_PERMUTE, cyclic, decodePermute } from "./crypt.js";
import type { ByteSource } from "./file-source.js";
import type { PstHeader } from "./header.js";
import { readHeader, u64 } from "./header.js";
import { LruCache } from "./lru-cache.js";
import { corrupt, hex, PstError } from "./pst-error.js";

/** A node inside another node's subnode tree (attachments, tables, large property values). */
export interface SubnodeEntry {
  nid: number;
  bidData: number;
  bidSub: number;
}

export type SubnodeMap = ReadonlyMap<number, SubnodeEntry>;

export interface NdbOptions {
  /** Budget of the B-tree page cache. */
  pageCacheBytes?: number;
  /** Budget of the decoded block cache. */
  blockCacheBytes?: number;
}

/** Internal blocks (XBLOCK, XXBLOCK, SLBLOCK, SIBLOCK) have bit 1 of the BID set. */
export function isInternalBid(bid: number): boolean {
  return bid % 4 >= 2;
}

const MAX_SUBNODES = 1_000_000;

/**
 * The node database layer ([MS-PST] 2.2): nodes by NID, blocks by BID, data trees and subnode
 * trees. Memory is bounded by the two caches whatever the size of the file.
 */
export class Ndb {
  readonly header: PstHeader;
  private readonly btree: BTreeReader;
  private readonly blocks: LruCache<number, Buffer>;

  constructor(
    readonly src: ByteSource,
    options: NdbOptions = {},
  ) {
    this.header = readHeader(src);
    const c = this.header.cryptMethod;
    if (c !== CRYPT_NONE && c !== CRYPT_PERMUTE && c !== CRYPT_CYCLIC) {
      throw new PstError("encrypted", `unknown block encoding method ${c}`);
    }
    this.btree = new BTreeReader(src, this.header.layout, options.pageCacheBytes ?? 8 * 1024 * 1024);
    this.blocks = new LruCache(options.blockCacheBytes ?? 16 * 1024 * 1024);
  }

  get wide(): boolean {
    return this.header.layout.wide;
  }

  tryNode(nid: number): NodeEntry | undefined {
    return this.btree.findNode(this.header.nbtRoot.ib, nid);
  }

  node(nid: number): NodeEntry {
    const n = this.tryNode(nid);
    if (!n) throw corrupt(`node ${hex(nid)} is not in the node B-tree`);
    return n;
  }

  /** Every node in the NBT, in NID order; damaged pages are reported and skipped. */
  allNodes(onError: (err: unknown, ib: number) => void): Generator<NodeEntry> {
    return this.btree.nodes(this.header.nbtRoot.ib, onError);
  }

  blockEntry(bid: number): BlockEntry {
    const e = this.btree.findBlock(this.header.bbtRoot.ib, bid);
    if (!e) throw corrupt(`block ${hex(bid)} is not in the block B-tree`);
    return e;
  }

  /** One block, decoded (decrypted, inflated). Cached; callers must not modify it. */
  block(bid: number): Buffer {
    const key = bidKey(bid);
    const cached = this.blocks.get(key);
    if (cached) return cached;
    const e = this.blockEntry(bid);
    const L = this.header.layout;
    const slot = Math.ceil((e.cb + L.blockTrailerSize) / L.blockAlign) * L.blockAlign;
    if (e.ib + slot > this.src.size) {
      throw new PstError("truncated", `block ${hex(bid)} at ${hex(e.ib)} extends beyond the end of the file`);
    }
    const raw = this.src.read(e.ib, slot);
    const t = slot - L.blockTrailerSize;
    const trailerCb = raw.readUInt16LE(t);
    const trailerBid = L.wide ? u64(raw, t + 8) : raw.readUInt32LE(t + 4);
    if (trailerCb !== e.cb || bidKey(trailerBid) !== key) {
      throw corrupt(`block ${hex(bid)} at ${hex(e.ib)}: trailer does not match the block B-tree entry`);
    }
    let data = raw.subarray(0, e.cb);
    if (!isInternalBid(bid)) {
      if (this.header.cryptMethod === CRYPT_PERMUTE) decodePermute(data);
      else if (this.header.cryptMethod === CRYPT_CYCLIC) cyclic(data, bid % 0x1_0000_0000);
    }
    if (L.compressedBlocks && e.cbInflated !== e.cb) data = this.inflate(data, e);
    this.blocks.set(key, data, data.length + 64);
    return data;
  }

  private inflate(data: Buffer, e: BlockEntry): Buffer {
    let out: Buffer;
    try {
      out = inflateSync(data, { maxOutputLength: e.cbInflated });
    } catch {
      throw corrupt(`block ${hex(e.bid)}: compressed data does not inflate to ${e.cbInflated} bytes`);
    }
    if (out.length !== e.cbInflated) {
      throw corrupt(`block ${hex(e.bid)}: inflated to ${out.length} bytes, expected ${e.cbInflated}`);
    }
    return out;
  }

  /** The logical size of a data tree, read from its root only (to check limits before reading). */
  dataSize(bid: number): number {
    if (bid === 0) return 0;
    if (!isInternalBid(bid)) return this.blockEntry(bid).cbInflated;
    const b = this.block(bid);
    if (b.length < 8 || b[0] !== 0x01) throw corrupt(`block ${hex(bid)} is not an XBLOCK`);
    return b.readUInt32LE(4);
  }

  /** The data block ids of a data tree (a single data block, an XBLOCK or an XXBLOCK), in order. */
  dataBlockIds(bid: number): number[] {
    if (bid === 0) return [];
    if (!isInternalBid(bid)) return [bid];
    const out: number[] = [];
    this.collectX(bid, 2, out);
    return out;
  }

  private collectX(bid: number, maxLevel: number, out: number[]): void {
    const b = this.block(bid);
    if (b.length < 8 || b[0] !== 0x01) throw corrupt(`block ${hex(bid)} is not an XBLOCK`);
    const level = b[1]!;
    const count = b.readUInt16LE(2);
    const w = this.wide ? 8 : 4;
    if (level < 1 || level > maxLevel || 8 + count * w > b.length) {
      throw corrupt(`XBLOCK ${hex(bid)} has an invalid header (level ${level}, entries ${count})`);
    }
    for (let i = 0; i < count; i++) {
      const off = 8 + i * w;
      const child = w === 8 ? u64(b, off) : b.readUInt32LE(off);
      if (level === 2) {
        if (!isInternalBid(child)) throw corrupt(`XXBLOCK ${hex(bid)} entry ${i} is not an XBLOCK`);
        this.collectX(child, 1, out);
      } else {
        if (isInternalBid(child)) throw corrupt(`XBLOCK ${hex(bid)} entry ${i} is not a data block`);
        out.push(child);
      }
    }
  }

  /** The whole data tree as one buffer. `maxBytes` guards against oversized or lying trees. */
  readData(bid: number, maxBytes: number): Buffer {
    const size = this.dataSize(bid);
    if (size > maxBytes)
      throw new PstError("size-limit", `data of ${size} bytes exceeds the limit of ${maxBytes}`);
    const ids = this.dataBlockIds(bid);
    if (ids.length === 1) return this.block(ids[0]!);
    const parts: Buffer[] = [];
    let total = 0;
    for (const id of ids) {
      const b = this.block(id);
      total += b.length;
      if (total > maxBytes)
        throw new PstError("size-limit", `data tree ${hex(bid)} exceeds ${maxBytes} bytes`);
      parts.push(b);
    }
    if (total !== size) throw corrupt(`data tree ${hex(bid)} holds ${total} bytes but declares ${size}`);
    return Buffer.concat(parts, total);
  }

  /** Reads a subnode tree (SLBLOCK, or SIBLOCK over SLBLOCKs) into a map by NID. */
  subnodes(bidSub: number): Map<number, SubnodeEntry> {
    const out = new Map<number, SubnodeEntry>();
    if (bidSub !== 0) this.collectSub(bidSub, 1, out);
    return out;
  }

  private collectSub(bid: number, maxLevel: number, out: Map<number, SubnodeEntry>): void {
    const b = this.block(bid);
    if (b.length < 4 || b[0] !== 0x02) throw corrupt(`block ${hex(bid)} is not a subnode block`);
    const level = b[1]!;
    const count = b.readUInt16LE(2);
    const wide = this.wide;
    const start = wide ? 8 : 4;
    const size = level === 0 ? (wide ? 24 : 12) : wide ? 16 : 8;
    if (level > maxLevel || start + count * size > b.length) {
      throw corrupt(`subnode block ${hex(bid)} has an invalid header (level ${level}, entries ${count})`);
    }
    for (let i = 0; i < count; i++) {
      const off = start + i * size;
      const nid = b.readUInt32LE(off);
      if (level === 1) {
        const child = wide ? u64(b, off + 8) : b.readUInt32LE(off + 4);
        this.collectSub(child, 0, out);
      } else {
        const bidData = wide ? u64(b, off + 8) : b.readUInt32LE(off + 4);
        const bidSub = wide ? u64(b, off + 16) : b.readUInt32LE(off + 8);
        out.set(nid, { nid, bidData, bidSub });
      }
      if (out.size > MAX_SUBNODES) throw corrupt(`subnode tree ${hex(bid)} has too many entries`);
    }
  }

  close(): void {
    this.blocks.clear();
    this.src.close();
  }
}
