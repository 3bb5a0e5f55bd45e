import { describe, expect, it } from "vitest";
import { parseSize } from "./size.js";

describe("parseSize", () => {
  it("reads binary units", () => {
    expect(parseSize("5GB")).toBe(5 * 1024 ** 3);
    expect(parseSize("200 mb")).toBe(200 * 1024 ** 2);
    expect(parseSize("1.5k")).toBe(1536);
    expect(parseSize("1000")).toBe(1000);
    expect(() => parseSize("lots")).toThrow();
  });
});
