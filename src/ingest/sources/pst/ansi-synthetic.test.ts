import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CRYPT_CYCLIC, CRYPT_PERMUTE, cyclic, encodePermute } from "./ndb/crypt.js";
import { BufferSource } from "./ndb/file-source.js";
import { openPst } from "./pst-file.js";

/*
 * No ANSI (32-bit) PST is among the fixtures, so this builds a tiny one by hand from the
 * [MS-PST] layouts: header, one NBT and one BBT leaf page, and blocks holding a message
 * (property context, a body split over an XBLOCK in a subnode, a recipient table context).
 */

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** A heap-on-node in one block; allocation i (1-based) gets HID i << 5. */
function heap(clientSig: number, allocs: Buffer[]): Buffer {
  const body = Buffer.concat(allocs);
  const offsets = [12];
  for (const a of allocs) offsets.push(offsets[offsets.length - 1]! + a.length);
  const ibHnpm = 12 + body.length;
  const hdr = Buffer.concat([u16(ibHnpm), Buffer.from([0xec, clientSig]), u32(1 << 5), u32(0)]);
  const map = Buffer.concat([u16(allocs.length), u16(0), ...offsets.map(u16)]);
  return Buffer.concat([hdr, body, map]);
}

const hid = (i: number) => i << 5;

function pcRecord(id: number, type: number, value: number): Buffer {
  return Buffer.concat([u16(id), u16(type), u32(value)]);
}

function buildAnsi(crypt: number): { file: Buffer; messageNid: number } {
  const cp1251 = iconv.encode("Привет, пациент", "win1251");
  const bodyText = "Body line. ".repeat(30);
  const body = Buffer.from(bodyText, "utf16le");
  const filetime = Buffer.alloc(8);
  filetime.writeBigUInt64LE((BigInt(Date.UTC(2021, 5, 1)) + 11_644_473_600_000n) * 10_000n);
  const BODY_NID = 0x41; // a subnode NID: low 5 bits non-zero, so HNIDs that equal it are NIDs
  const msgPc = heap(0xbc, [
    Buffer.from([0xb5, 2, 6, 0, ...u32(hid(2))]),
    Buffer.concat([
      pcRecord(0x0037, 0x001e, hid(3)), // subject, 8-bit in code page 1251
      pcRecord(0x0039, 0x0040, hid(4)), // client submit time
      pcRecord(0x0e08, 0x0003, 1234), // size, inline
      pcRecord(0x1000, 0x001f, BODY_NID), // body, in a subnode
      pcRecord(0x3ffd, 0x0003, 1251), // message code page
    ]),
    cp1251,
    filetime,
  ]);
  const recipients = heap(0x7c, [
    Buffer.concat([
      Buffer.from([0x7c, 4]),
      u16(16),
      u16(16),
      u16(16),
      u16(17),
      u32(hid(2)),
      u32(hid(4)),
      u32(0),
      ...[
        [0x0c150003, 8, 4, 0],
        [0x3001001f, 12, 4, 1],
        [0x67f20003, 0, 4, 2],
        [0x67f30003, 4, 4, 3],
      ].map(([tag, ib, cb, bit]) => Buffer.concat([u32(tag!), u16(ib!), Buffer.from([cb!, bit!])])),
    ]),
    Buffer.from([0xb5, 4, 2, 0, ...u32(hid(3))]),
    Buffer.concat([u32(0x10), u16(0), u32(0x11), u16(1)]),
    Buffer.concat([
      Buffer.concat([u32(0x10), u32(0), u32(1), u32(hid(5)), Buffer.from([0xf0])]),
      Buffer.concat([u32(0x11), u32(0), u32(2), u32(hid(6)), Buffer.from([0xf0])]),
    ]),
    Buffer.from("Alice", "utf16le"),
    Buffer.from("Bob", "utf16le"),
  ]);
  // Block ids: data blocks 4, 8, 12, 16; internal (bit 1 set) 0x102 XBLOCK, 0x106 SLBLOCK.
  const half = Math.floor(body.length / 2);
  const blocks: { bid: number; data: Buffer }[] = [
    { bid: 4, data: msgPc },
    { bid: 8, data: body.subarray(0, half) },
    { bid: 12, data: body.subarray(half) },
    { bid: 16, data: recipients },
    { bid: 0x102, data: Buffer.concat([Buffer.from([1, 1]), u16(2), u32(body.length), u32(8), u32(12)]) },
    {
      bid: 0x106,
      data: Buffer.concat([
        Buffer.from([2, 0]),
        u16(2),
        u32(BODY_NID),
        u32(0x102),
        u32(0),
        u32(0x692),
        u32(16),
        u32(0),
      ]),
    },
  ];
  const messageNid = 0x200024;
  const parts: Buffer[] = [];
  let ib = 0x600;
  const bbt: Buffer[] = [];
  for (const { bid, data } of blocks) {
    const stored = Buffer.from(data);
    if ((bid & 2) === 0) {
      if (crypt === CRYPT_PERMUTE) encodePermute(stored);
      else if (crypt === CRYPT_CYCLIC) cyclic(stored, bid);
    }
    const slot = Math.ceil((stored.length + 12) / 64) * 64;
    const b = Buffer.alloc(slot);
    stored.copy(b);
    b.writeUInt16LE(stored.length, slot - 12);
    b.writeUInt32LE(bid, slot - 8);
    parts.push(b);
    bbt.push(Buffer.concat([u32(bid), u32(ib), u16(stored.length), u16(1)]));
    ib += slot;
  }
  const page = (ptype: number, entries: Buffer[], size: number) => {
    const p = Buffer.alloc(512);
    Buffer.concat(entries).copy(p);
    p[496] = entries.length;
    p[497] = Math.floor(496 / size);
    p[498] = size;
    p[499] = 0;
    p[500] = ptype;
    p[501] = ptype;
    return p;
  };
  const nbtPage = page(0x81, [Buffer.concat([u32(messageNid), u32(4), u32(0x106), u32(0x122)])], 16);
  const bbtPage = page(0x80, bbt, 12);
  const header = Buffer.alloc(0x200);
  header.write("!BDN", 0, "latin1");
  header.write("SM", 8, "latin1");
  header.writeUInt16LE(14, 10);
  header.writeUInt32LE(ib, 168);
  header.writeUInt32LE(0x200, 188); // NBT root
  header.writeUInt32LE(0x400, 196); // BBT root
  header[461] = crypt;
  return { file: Buffer.concat([header, nbtPage, bbtPage, ...parts]), messageNid };
}

describe("ANSI (32-bit) PST layout, built by hand", () => {
  it.each([
    ["permute", CRYPT_PERMUTE],
    ["cyclic", CRYPT_CYCLIC],
  ])("reads a message with %s-encoded blocks", (_, crypt) => {
    const { file, messageNid } = buildAnsi(crypt);
    const f = openPst(new BufferSource(file));
    expect(f.format).toBe("pst-ansi");
    expect(f.ndb.header.cryptMethod).toBe(crypt);
    // The file has no name map or store: those are reported, not fatal.
    expect(f.exceptions.map((e) => e.where)).toEqual(["name-to-id map", "message store"]);
    const msg = f.readMessage(messageNid);
    f.close();
    expect(msg.exceptions).toEqual([]);
    expect(msg.props.tagged.get(0x0037)).toBe("Привет, пациент");
    expect(msg.props.tagged.get(0x0e08)).toBe(1234);
    expect((msg.props.tagged.get(0x0039) as Date).toISOString()).toBe("2021-06-01T00:00:00.000Z");
    expect(msg.props.tagged.get(0x1000)).toBe("Body line. ".repeat(30));
    expect(msg.recipients.map((r) => [r.tagged.get(0x3001), r.tagged.get(0x0c15)])).toEqual([
      ["Alice", 1],
      ["Bob", 2],
    ]);
  });

  it("reports a missing message node as corrupt", () => {
    const f = openPst(new BufferSource(buildAnsi(CRYPT_PERMUTE).file));
    expect(() => f.readMessage(0x200044)).toThrow(/node 0x200044 is not in the node B-tree/);
    f.close();
  });

  it("reports a block whose trailer does not match the block B-tree", () => {
    const { file, messageNid } = buildAnsi(CRYPT_PERMUTE);
    file.writeUInt32LE(0x999, 0x600 + 64 * 2 - 8); // the first block's trailer BID
    const f = openPst(new BufferSource(file));
    expect(() => f.readMessage(messageNid)).toThrow(/trailer does not match/);
    f.close();
  });
});
