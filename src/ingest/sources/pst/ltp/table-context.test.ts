import { describe, expect, it } from "vitest";
import type { Ndb } from "../ndb/ndb.js";
import { NodeScope } from "./node-scope.js";
import { TableContext } from "./table-context.js";

function heapBlock(allocs: Buffer[], clientSig: number): Buffer {
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

/** An NDB stand-in: blocks and data trees by BID, one subnode tree. */
function fakeNdb(
  blocks: Map<number, Buffer>,
  trees: Map<number, number[]>,
  subnodes: Map<number, number>,
): Ndb {
  return {
    block: (bid: number) => blocks.get(bid)!,
    blockEntry: (bid: number) => ({
      bid,
      ib: 0,
      cb: blocks.get(bid)!.length,
      cbInflated: blocks.get(bid)!.length,
    }),
    dataBlockIds: (bid: number) => trees.get(bid) ?? [bid],
    subnodes: () => new Map([...subnodes].map(([nid, bidData]) => [nid, { nid, bidData, bidSub: 0 }])),
  } as unknown as Ndb;
}

const ROW = 13; // rowId 4, recipient type 4, name HNID 4, bitmap 1

function row(rowId: number, type: number, nameHid: number, bitmap: number): Buffer {
  const b = Buffer.alloc(ROW);
  b.writeUInt32LE(rowId, 0);
  b.writeUInt32LE(type, 4);
  b.writeUInt32LE(nameHid, 8);
  b[12] = bitmap;
  return b;
}

function tcinfo(hidRowIndex: number, hnidRows: number): Buffer {
  const cols: [number, number, number][] = [
    [0x0c150003, 4, 1],
    [0x3001001f, 8, 2],
    [0x67f20003, 0, 0],
  ];
  const b = Buffer.alloc(22 + cols.length * 8);
  b[0] = 0x7c;
  b[1] = cols.length;
  b.writeUInt16LE(12, 2);
  b.writeUInt16LE(12, 4);
  b.writeUInt16LE(12, 6);
  b.writeUInt16LE(13, 8);
  b.writeUInt32LE(hidRowIndex, 10);
  b.writeUInt32LE(hnidRows, 14);
  for (const [i, [tag, ib, bit]] of cols.entries()) {
    b.writeUInt32LE(tag, 22 + i * 8);
    b.writeUInt16LE(ib, 26 + i * 8);
    b[28 + i * 8] = 4;
    b[29 + i * 8] = bit;
  }
  return b;
}

function rowIndex(ids: number[]): Buffer {
  const b = Buffer.alloc(ids.length * 8);
  for (const [i, id] of ids.entries()) {
    b.writeUInt32LE(id, i * 8);
    b.writeUInt32LE(i, i * 8 + 4);
  }
  return b;
}

const latin1 = (b: Buffer) => b.toString("latin1");
const bthHeader = Buffer.from([0xb5, 4, 4, 0, 0x40, 0, 0, 0]); // root = allocation 2

describe("TableContext", () => {
  it("streams a row matrix stored in a subnode over two data blocks", () => {
    const ROWS_NID = 0x3f; // subnode NID (low bits set)
    // Allocations: 1 TCINFO, 2 BTH header, 3 index records, 4-6 names.
    const heap = heapBlock(
      [
        tcinfo(0x40, ROWS_NID),
        Buffer.from([0xb5, 4, 4, 0, 0x60, 0, 0, 0]),
        rowIndex([0x10, 0x11, 0x12]),
        Buffer.from("Ann", "utf16le"),
        Buffer.from("Ben", "utf16le"),
        Buffer.from("Cy", "utf16le"),
      ],
      0x7c,
    );
    // Rows never straddle blocks: the first block holds two rows plus slack.
    const first = Buffer.concat([row(0x10, 1, 4 << 5, 0xe0), row(0x11, 2, 5 << 5, 0xe0), Buffer.alloc(5)]);
    const second = row(0x12, 3, 6 << 5, 0xa0); // the recipient-type column (bit 1) is absent
    const ndb = fakeNdb(
      new Map([
        [4, heap],
        [8, first],
        [12, second],
      ]),
      new Map([[0x102, [8, 12]]]),
      new Map([[ROWS_NID, 0x102]]),
    );
    const tc = new TableContext(new NodeScope(ndb, 4, 0x106, "node 0x692"));
    expect(tc.rowCount()).toBe(3);
    expect(tc.matrixRowCount()).toBe(3);
    const rows = [...tc.rows()];
    expect(rows.map((r) => r.rowId)).toEqual([0x10, 0x11, 0x12]);
    const props = rows.map((r) => tc.rowProps(r, latin1, 1 << 20, undefined, () => {}));
    expect(props.map((p) => p.tagged.get(0x3001))).toEqual(["Ann", "Ben", "Cy"]);
    expect(props.map((p) => p.tagged.get(0x0c15))).toEqual([1, 2, undefined]);
  });

  it("reports a column that lies outside the row", () => {
    const info = tcinfo(0, 0);
    info.writeUInt16LE(40, 26); // first column's offset past the end of the fixed data
    const ndb = fakeNdb(new Map([[4, heapBlock([info, bthHeader], 0x7c)]]), new Map(), new Map());
    expect(() => new TableContext(new NodeScope(ndb, 4, 0, "node 0x671"))).toThrow(
      /node 0x671: column 0 is out of range/,
    );
  });

  it("reports a row matrix subnode that is missing", () => {
    const ndb = fakeNdb(new Map([[4, heapBlock([tcinfo(0, 0x3f), bthHeader], 0x7c)]]), new Map(), new Map());
    const tc = new TableContext(new NodeScope(ndb, 4, 0, "node 0x671"));
    expect(() => [...tc.rows()]).toThrow(/row matrix subnode 0x3f is missing/);
  });
});
