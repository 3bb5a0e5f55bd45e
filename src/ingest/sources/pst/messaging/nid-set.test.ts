import { describe, expect, it } from "vitest";
import { NidSet } from "./nid-set.js";

describe("NidSet", () => {
  it("records NIDs by index and grows as needed", () => {
    const s = new NidSet();
    s.add(0x200024);
    s.add(0x7fffffe4);
    expect(s.has(0x200024)).toBe(true);
    expect(s.has(0x200044)).toBe(false);
    expect(s.has(0x7fffffe4)).toBe(true);
    expect(s.has(0x7fffffc4)).toBe(false);
  });
});
