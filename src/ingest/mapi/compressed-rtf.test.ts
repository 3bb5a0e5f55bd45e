import { describe, expect, it } from "vitest";
import { compressedRtfCrc, decompressRtf } from "./compressed-rtf.js";

const hex = (s: string) => new Uint8Array(Buffer.from(s.replace(/\s+/g, ""), "hex"));
const latin1 = (b: Uint8Array) => Buffer.from(b).toString("latin1");

// The two worked examples of [MS-OXRTFCP] section 3.
const SIMPLE = hex(
  "2d000000 2b000000 4c5a4675 f1c5c7a7 03000a00 72637067 31323542 320af320 68656c09 00206277 05b06c64 7d0a800f a0",
);
const CROSS_RUN = hex("1a000000 1c000000 4c5a4675 e2d44b51 41000420 5758595a 0d6e7d01 0eb0");

describe("decompressRtf", () => {
  it("decompresses the specification's simple example", () => {
    const r = decompressRtf(SIMPLE);
    expect(latin1(r.bytes)).toBe("{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n");
    expect(r.exceptions).toEqual([]);
  });

  it("handles a reference that overlaps the bytes it is writing", () => {
    const r = decompressRtf(CROSS_RUN);
    expect(latin1(r.bytes)).toBe("{\\rtf1 WXYZWXYZWXYZWXYZWXYZ}");
    expect(r.exceptions).toEqual([]);
  });

  it("computes the CRC over the data after the header", () => {
    expect(compressedRtfCrc(SIMPLE.subarray(16))).toBe(0xa7c7c5f1);
  });

  it("reports a CRC mismatch but still returns the text", () => {
    const bad = SIMPLE.slice();
    bad[12] = 0; // corrupt the stored CRC
    const r = decompressRtf(bad);
    expect(latin1(r.bytes)).toContain("hello world");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
    expect(r.exceptions[0]?.detail).toMatch(/CRC/);
  });

  it("reports truncation when the data ends early", () => {
    const r = decompressRtf(SIMPLE.subarray(0, 30));
    expect(r.exceptions.map((e) => e.reason)).toContain("truncated");
    expect(latin1(r.bytes).startsWith("{\\rtf1")).toBe(true);
  });

  it("returns stored (MELA) data as is", () => {
    const body = Buffer.from("{\\rtf1 plain}", "latin1");
    const head = Buffer.alloc(16);
    head.writeUInt32LE(body.length + 12, 0);
    head.writeUInt32LE(body.length, 4);
    head.writeUInt32LE(0x414c454d, 8);
    const r = decompressRtf(new Uint8Array(Buffer.concat([head, body])));
    expect(latin1(r.bytes)).toBe("{\\rtf1 plain}");
    expect(r.exceptions).toEqual([]);
  });

  it("rejects short or unknown input without throwing", () => {
    expect(decompressRtf(new Uint8Array(5)).exceptions[0]?.reason).toBe("truncated");
    const unknown = SIMPLE.slice();
    unknown[8] = 0x41;
    expect(decompressRtf(unknown).exceptions[0]?.reason).toBe("corrupt");
  });

  it("bounds output by the declared raw size even when the header lies", () => {
    const lying = SIMPLE.slice();
    new DataView(lying.buffer).setUint32(4, 0xffffffff, true);
    const r = decompressRtf(lying);
    expect(r.bytes.length).toBeLessThan(SIMPLE.length * 10);
  });

  it("reports a declared raw size that is too small", () => {
    const short = SIMPLE.slice();
    new DataView(short.buffer).setUint32(4, 10, true);
    const r = decompressRtf(short);
    expect(latin1(r.bytes)).toBe("{\\rtf1\\ans");
    expect(r.exceptions).toEqual([
      { reason: "corrupt", detail: "compressed RTF holds more than its declared 10 bytes" },
    ]);
  });

  it("caps output at maxBytes with a size-limit exception", () => {
    const r = decompressRtf(SIMPLE, 10);
    expect(r.bytes.length).toBe(10);
    expect(r.exceptions.map((e) => e.reason)).toContain("size-limit");
  });
});
