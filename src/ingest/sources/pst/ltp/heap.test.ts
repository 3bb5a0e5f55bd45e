import { describe, expect, it } from "vitest";
import type { Ndb } from "../ndb/ndb.js";
import { bthRecords, readBthHeader } from "./bth.js";
import { Heap } from "./heap.js";

/** A heap in one block; allocation i (1-based) has HID i << 5. */
function heapBlock(allocs: Buffer[], clientSig = 0xb5): Buffer {
  const body = Buffer.concat(allocs);
  const offsets = [12];
  for (const a of allocs) offsets.push(offsets[offsets.length - 1]! + a.length);
  const hdr = Buffer.alloc(12);
  hdr.writeUInt16LE(12 + body.length, 0);
  hdr[2] = 0xec;
  hdr[3] = clientSig;
  hdr.writeUInt32LE(1 << 5, 4);
  const map = Buffer.alloc(4 + offsets.length * 2);
  map.writeUInt16LE(allocs.length, 0);
  for (const [i, o] of offsets.entries()) map.writeUInt16LE(o, 4 + i * 2);
  return Buffer.concat([hdr, body, map]);
}

/** Just enough of the NDB for a heap held in one block. */
function fakeNdb(block: Buffer): Ndb {
  return { dataBlockIds: () => [4], block: () => block } as unknown as Ndb;
}

const bthHeader = (levels: number, root: number) => {
  const b = Buffer.from([0xb5, 2, 6, levels, 0, 0, 0, 0]);
  b.writeUInt32LE(root, 4);
  return b;
};

describe("Heap and BTH on hostile input", () => {
  it("returns allocations by HID and rejects HIDs outside the page map", () => {
    const h = new Heap(fakeNdb(heapBlock([Buffer.from("abc"), Buffer.from("de")])), 4, "node 0x1");
    expect(h.get(2 << 5).toString()).toBe("de");
    expect(h.get(0).length).toBe(0);
    expect(() => h.get(3 << 5)).toThrow(/node 0x1: heap id 0x60 is not allocated/);
    expect(() => h.get((1 << 16) | (1 << 5))).toThrow(/out of range/);
    expect(() => h.get(0x21)).toThrow(/is not a heap id/);
  });

  it("rejects a heap whose page map points outside the block", () => {
    const block = heapBlock([Buffer.from("abc")]);
    block.writeUInt16LE(0xfff0, 0);
    const h = new Heap(fakeNdb(block), 4, "node 0x2");
    expect(() => h.get(1 << 5)).toThrow(/page map is out of range/);
  });

  it("stops on a BTH index node that refers to itself instead of looping", () => {
    // Allocation 1: header (1 index level, root = allocation 2); allocation 2: an index record
    // whose child is allocation 2 again.
    const index = Buffer.alloc(6);
    index.writeUInt32LE(2 << 5, 2);
    const h = new Heap(fakeNdb(heapBlock([bthHeader(1, 2 << 5), index])), 4, "node 0x3");
    const hdr = readBthHeader(h, 1 << 5);
    expect(() => [...bthRecords(h, hdr)]).toThrow(/referenced twice/);
  });

  it("rejects a leaf whose size is not a whole number of records", () => {
    const h = new Heap(fakeNdb(heapBlock([bthHeader(0, 2 << 5), Buffer.alloc(7)])), 4, "node 0x4");
    expect(() => [...bthRecords(h, readBthHeader(h, 1 << 5))]).toThrow(/partial record/);
  });
});
