import { describe, expect, it } from "vitest";
import { stripSubjectMarker } from "./message-reader.js";
import { guidText } from "./name-map.js";

describe("guidText", () => {
  it("formats a stored GUID with its first three fields little-endian", () => {
    const psMapi = Buffer.from("2803020000000000c000000000000046", "hex");
    expect(guidText(psMapi)).toBe("00020328-0000-0000-c000-000000000046");
    const shifted = Buffer.concat([Buffer.alloc(16), psMapi]);
    expect(guidText(shifted, 16)).toBe("00020328-0000-0000-c000-000000000046");
  });
});

describe("stripSubjectMarker", () => {
  it("removes the two-character prefix marker PST puts before some subjects", () => {
    expect(stripSubjectMarker("\u0001\u0004RE: hello")).toBe("RE: hello");
    expect(stripSubjectMarker("plain subject")).toBe("plain subject");
  });
});
