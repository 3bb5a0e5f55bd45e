import { describe, expect, it } from "vitest";
import { signedData } from "./cms-builder.test-helper.js";
import { extractSignedContent } from "./smime-signed.js";

describe("extractSignedContent", () => {
  const entity = Buffer.from("Content-Type: text/plain\r\n\r\nsigned words\r\n");

  it("reads DER and chunked indefinite-length BER", () => {
    expect(Buffer.from(extractSignedContent(signedData(entity, "der"))!).toString()).toBe(entity.toString());
    expect(Buffer.from(extractSignedContent(signedData(entity, "ber"))!).toString()).toBe(entity.toString());
  });

  it("returns undefined for other or damaged data, never throws", () => {
    const good = signedData(entity, "ber");
    for (let cut = 0; cut < good.length; cut += 3) {
      expect(extractSignedContent(good.subarray(0, cut))).toBeUndefined();
    }
    expect(extractSignedContent(Buffer.from("not ber at all"))).toBeUndefined();
    expect(extractSignedContent(Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]))).toBeUndefined();
    // Deeply nested indefinite lengths hit the nesting cap instead of the stack.
    const deep = Buffer.concat([Buffer.alloc(20_000, 0x30).map((_, i) => (i % 2 ? 0x80 : 0x30))]);
    expect(extractSignedContent(deep)).toBeUndefined();
  });
});
