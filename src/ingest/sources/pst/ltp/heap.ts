import type { Ndb } from "../ndb/ndb.js";
import { corrupt, hex } from "../ndb/pst-error.js";

export const HN_SIG = 0xec;
export const CLIENT_BTH = 0xb5;
export const CLIENT_TC = 0x7c;
export const CLIENT_PC = 0xbc;

const EMPTY = Buffer.alloc(0);

/** True when an HNID names a heap allocation rather than a subnode (the low 5 bits are 0). */
export function isHid(hnid: number): boolean {
  return (hnid & 0x1f) === 0;
}

/**
 * A heap-on-node ([MS-PST] 2.3.1) over a node's data tree. Blocks are fetched on demand through
 * the NDB block cache, so a heap spanning many blocks is never held in memory as a whole.
 */
export class Heap {
  readonly clientSig: number;
  readonly userRoot: number;
  private readonly ids: number[];

  constructor(
    private readonly ndb: Ndb,
    bidData: number,
    /** Names the node in error messages, e.g. "node 0x200024". */
    readonly label: string,
  ) {
    this.ids = ndb.dataBlockIds(bidData);
    if (this.ids.length === 0) throw corrupt(`${label}: heap has no data`);
    const first = ndb.block(this.ids[0]!);
    if (first.length < 12 || first[2] !== HN_SIG) throw corrupt(`${label}: heap signature is missing`);
    this.clientSig = first[3]!;
    this.userRoot = first.readUInt32LE(4);
  }

  /** The bytes of one allocation; HID 0 is an empty value. */
  get(hid: number): Buffer {
    if (hid === 0) return EMPTY;
    if (!isHid(hid)) throw corrupt(`${this.label}: ${hex(hid)} is not a heap id`);
    const index = (hid >>> 5) & 0x7ff;
    const blockIndex = hid >>> 16;
    const bid = this.ids[blockIndex];
    if (bid === undefined || index === 0) throw corrupt(`${this.label}: heap id ${hex(hid)} is out of range`);
    const b = this.ndb.block(bid);
    if (b.length < 2) throw corrupt(`${this.label}: heap block ${blockIndex} is too short`);
    const map = b.readUInt16LE(0);
    if (map + 4 > b.length) throw corrupt(`${this.label}: heap block ${blockIndex} page map is out of range`);
    const cAlloc = b.readUInt16LE(map);
    if (index > cAlloc || map + 4 + (cAlloc + 1) * 2 > b.length) {
      throw corrupt(`${this.label}: heap id ${hex(hid)} is not allocated`);
    }
    const start = b.readUInt16LE(map + 4 + (index - 1) * 2);
    const end = b.readUInt16LE(map + 4 + index * 2);
    if (start > end || end > map) throw corrupt(`${this.label}: heap id ${hex(hid)} has invalid bounds`);
    return b.subarray(start, end);
  }
}
