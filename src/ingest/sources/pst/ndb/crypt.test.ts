import { describe, expect, it } from "vitest";
import { cyclic, decodePermute, encodePermute } from "./crypt.js";

describe("NDB block encodings", () => {
  it("permute decoding inverts permute encoding for every byte value", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const copy = Uint8Array.from(all);
    encodePermute(copy);
    expect(copy[0]).toBe(0x41); // first entry of mpbbR in [MS-PST] 5.1
    expect(copy).not.toEqual(all);
    decodePermute(copy);
    expect(copy).toEqual(all);
  });

  it("cyclic encoding is its own inverse and depends on the key", () => {
    const plain = Buffer.from("Cyclic test payload 0123456789");
    const a = Buffer.from(plain);
    cyclic(a, 0x12345678);
    expect(a.equals(plain)).toBe(false);
    const b = Buffer.from(plain);
    cyclic(b, 0x12345679);
    expect(b.equals(a)).toBe(false);
    cyclic(a, 0x12345678);
    expect(a.equals(plain)).toBe(true);
  });
});
