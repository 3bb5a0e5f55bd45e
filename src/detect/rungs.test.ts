import { describe, expect, it } from "vitest";
import { pickRung, stepDown } from "./rungs.js";

describe("pickRung", () => {
  it("follows the ladder", () => {
    expect(pickRung({ context: false })).toBe("weak");
    expect(pickRung({ context: false, ranges: true })).toBe("possible");
    expect(pickRung({ context: true })).toBe("likely");
    expect(pickRung({ context: true, ranges: true })).toBe("strong");
    expect(pickRung({ context: false, checksum: true })).toBe("strong");
    expect(pickRung({ context: true, checksum: true })).toBe("confirmed");
    expect(pickRung({ context: false, checksum: true, checksumAlone: "possible" })).toBe("possible");
    expect(pickRung({ context: true, ranges: true, negative: true })).toBe("likely");
    expect(pickRung({ context: false, negative: true })).toBe("weak");
    expect(pickRung({ base: "possible", context: false, ranges: true })).toBe("likely");
    expect(stepDown("weak")).toBe("weak");
  });
});
