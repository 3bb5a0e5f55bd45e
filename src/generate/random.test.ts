import { describe, expect, it } from "vitest";
import { Random } from "./random.js";

describe("Random", () => {
  it("is reproducible and stays in range", () => {
    const a = new Random(42);
    const b = new Random(42);
    const xs = Array.from({ length: 100 }, () => a.int(3, 9));
    expect(xs).toEqual(Array.from({ length: 100 }, () => b.int(3, 9)));
    expect(Math.min(...xs)).toBe(3);
    expect(Math.max(...xs)).toBe(9);
    expect(new Random(43).u32()).not.toBe(new Random(42).u32());
  });
});
