import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../../core/limits.js";
import { decodeText, looksLikeText } from "./decode-text.js";
import { textExtractor } from "./text-extractor.js";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("decodeText", () => {
  const cases: [string, Uint8Array, string, string, number][] = [
    ["utf-8 BOM", bytes(0xef, 0xbb, 0xbf, 0x4a, 0xc3, 0xa9), "Jé", "utf-8", 0],
    ["utf-16le BOM", bytes(0xff, 0xfe, 0x4a, 0, 0xe9, 0), "Jé", "utf-16le", 0],
    ["utf-16be BOM", bytes(0xfe, 0xff, 0, 0x4a, 0, 0xe9), "Jé", "utf-16be", 0],
    ["plain utf-8", new TextEncoder().encode("Zoë Müller"), "Zoë Müller", "utf-8", 0],
    ["utf-16le without BOM", bytes(0x4a, 0, 0x6f, 0, 0x65, 0, 0x3a, 0), "Joe:", "utf-16le", 0],
    [
      "windows-1252 name",
      bytes(0x5a, 0x6f, 0xeb, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72),
      "Zoë Müller",
      "windows-1252",
      0,
    ],
    [
      "windows-1252 quotes",
      bytes(0x93, 0x68, 0x69, 0x94, 0x20, 0x61, 0x6e, 0x64, 0x20, 0x6d, 0x6f, 0x72, 0x65),
      "\u201chi\u201d and more",
      "windows-1252",
      0,
    ],
  ];
  it.each(cases)("%s", (_label, input, text, charset, exceptionCount) => {
    const r = decodeText(input);
    expect(r.text).toBe(text);
    expect(r.charset).toBe(charset);
    expect(r.exceptions).toHaveLength(exceptionCount);
  });

  it("notes charset-unknown for bytes that are mostly 8-bit (e.g. Shift-JIS)", () => {
    const sjis = bytes(
      0x93,
      0xfa,
      0x96,
      0x7b,
      0x8c,
      0xea,
      0x82,
      0xcc,
      0x83,
      0x65,
      0x83,
      0x4c,
      0x83,
      0x58,
      0x83,
      0x67,
    );
    const r = decodeText(sjis);
    expect(r.charset).toBe("windows-1252");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["charset-unknown"]);
  });

  it("uses a declared charset when the bytes are not UTF-8", () => {
    const sjis = bytes(0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea);
    const r = decodeText(sjis, "shift_jis");
    expect(r.text).toBe("日本語");
    expect(r.exceptions).toHaveLength(0);
  });

  it("tells text from binary", () => {
    expect(looksLikeText(new TextEncoder().encode("Name,DOB\nA,1970-01-01\n"))).toBe(true);
    expect(looksLikeText(bytes(0x50, 0x4b, 3, 4, 0, 0, 0, 1))).toBe(false);
  });
});

describe("textExtractor", () => {
  it("decodes and caps text at maxTextChars", async () => {
    const r = await textExtractor({
      bytes: new TextEncoder().encode("abcdefghij"),
      mediaType: "text/plain",
      limits: { ...DEFAULT_LIMITS, maxTextChars: 4 },
      ocr: false,
    });
    expect(r.text).toBe("abcd");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["size-limit"]);
    expect(r.meta?.["charset"]).toBe("utf-8");
  });
});
