import { describe, expect, it } from "vitest";
import { decodeValue, PT } from "./prop-value.js";

const latin1 = (b: Buffer) => b.toString("latin1");

describe("decodeValue", () => {
  it("decodes scalars, FILETIME and unicode strings", () => {
    const t = Buffer.alloc(8);
    // 2020-01-01T00:00:00Z as FILETIME
    const ticks = (BigInt(Date.UTC(2020, 0, 1)) + 11_644_473_600_000n) * 10_000n;
    t.writeBigUInt64LE(ticks);
    expect((decodeValue(PT.SYSTIME, t, latin1) as Date).toISOString()).toBe("2020-01-01T00:00:00.000Z");
    expect(decodeValue(PT.UNICODE, Buffer.from("Hé\0", "utf16le"), latin1)).toBe("Hé");
    expect(decodeValue(PT.I8, Buffer.from([1, 0, 0, 0, 0, 0, 0, 0]), latin1)).toBe(1n);
    expect(decodeValue(PT.BOOLEAN, Buffer.from([1]), latin1)).toBe(true);
  });

  it("decodes multi-valued strings through their offset table", () => {
    const a = Buffer.from("ab", "utf16le");
    const c = Buffer.from("cde", "utf16le");
    const head = Buffer.alloc(12);
    head.writeUInt32LE(2, 0);
    head.writeUInt32LE(12, 4);
    head.writeUInt32LE(12 + a.length, 8);
    expect(decodeValue(PT.UNICODE | PT.MV_FLAG, Buffer.concat([head, a, c]), latin1)).toEqual(["ab", "cde"]);
    expect(decodeValue(PT.LONG | PT.MV_FLAG, Buffer.from([1, 0, 0, 0, 2, 0, 0, 0]), latin1)).toEqual([1, 2]);
  });

  it("rejects a multi-valued count that exceeds the data", () => {
    const bad = Buffer.alloc(8);
    bad.writeUInt32LE(1000, 0);
    expect(() => decodeValue(PT.BINARY | PT.MV_FLAG, bad, latin1)).toThrow(/declares 1000 elements/);
  });
});
