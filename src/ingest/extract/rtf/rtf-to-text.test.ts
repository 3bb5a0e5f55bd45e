import { describe, expect, it } from "vitest";
import { convertRtf, rtfToText } from "./rtf-to-text.js";

/** Builds an RTF string from bytes given in a code page, the way a file would be read (latin1). */
const latin1 = (bytes: number[]) => String.fromCharCode(...bytes);

describe("rtfToText", () => {
  it("reads text and paragraph marks", () => {
    expect(rtfToText("{\\rtf1\\ansi Hello\\par World\\line again}")).toBe("Hello\nWorld\nagain");
  });

  it("drops font, color and style tables and document info", () => {
    const rtf =
      "{\\rtf1\\ansi{\\fonttbl{\\f0\\fswiss Arial;}}{\\colortbl;\\red0\\green0\\blue0;}" +
      "{\\stylesheet{\\s0 Normal;}}{\\info{\\title Secret title}{\\author Someone}}" +
      "{\\*\\generator Word;}\\pard Body text\\par}";
    expect(rtfToText(rtf)).toBe("Body text");
  });

  it("skips pictures, object data and field instructions but keeps field results", () => {
    const rtf =
      "{\\rtf1 A{\\pict\\wmetafile8 0123456789abcdef}B" +
      "{\\object{\\*\\objclass Excel}{\\*\\objdata 01050000}{\\result C}}" +
      '{\\field{\\*\\fldinst HYPERLINK "http://x"}{\\fldrslt D}}}';
    const r = convertRtf(rtf);
    expect(r.text).toBe("ABCD");
    expect(r.objects).toBe(1);
    expect(r.pictures).toBe(1);
  });

  it("decodes \\'hh escapes with the document code page", () => {
    expect(rtfToText("{\\rtf1\\ansi\\ansicpg1252 caf\\'e9 \\'93q\\'94}")).toBe("café “q”");
    expect(rtfToText("{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'e0\\'f6\\'e8\\'e5\\'ed\\'f2}")).toBe("Пациент");
  });

  it("decodes double-byte escapes with the font's charset", () => {
    // 患者 in Shift-JIS is 8A B3 8E D2
    const rtf =
      "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}{\\f1\\fcharset128 MS Gothic;}}\\f1 \\'8a\\'b3\\'8e\\'d2\\f0  ok}";
    expect(rtfToText(rtf)).toBe("患者 ok");
  });

  it("treats raw 8-bit characters as bytes in the code page", () => {
    expect(rtfToText(`{\\rtf1\\ansi\\ansicpg1252 ${latin1([0x4e, 0x61, 0xef, 0x76, 0x65])}}`)).toBe("Naïve");
  });

  it("handles \\u with the \\uc fallback count, negative values and surrogate pairs", () => {
    expect(rtfToText("{\\rtf1\\uc1 \\u24739?\\u32773?}")).toBe("患者");
    expect(rtfToText("{\\rtf1\\uc2 \\u-3913\\'3f\\'3f x}")).toBe("\uf0b7 x");
    expect(rtfToText("{\\rtf1\\uc0 \\u55357\\u56832}")).toBe("😀");
    // The skip count is scoped to the group.
    expect(rtfToText("{\\rtf1{\\uc3 \\u8364 abc}\\u8364 de}")).toBe("€€e");
  });

  it("maps tables and special characters to text", () => {
    const rtf = "{\\rtf1 \\trowd a\\cell b\\cell\\row c\\tab d\\emdash e\\~f\\{g\\}\\\\}";
    expect(rtfToText(rtf)).toBe("a\tb\nc\td—e\u00a0f{g}\\");
  });

  it("skips \\bin data without reading it as text", () => {
    expect(rtfToText("{\\rtf1 a{\\pict\\bin5 {}\\\\x}b}")).toBe("ab");
    expect(rtfToText("{\\rtf1 a\\bin3 xyzb}")).toBe("ab");
  });

  it("ignores unknown \\* destinations", () => {
    expect(rtfToText("{\\rtf1 a{\\*\\unknownthing hidden {nested}}b}")).toBe("ab");
  });

  it("survives hostile nesting and truncation", () => {
    const deep = `{\\rtf1 ${"{".repeat(200_000)}x${"}".repeat(200_000)}}`;
    const r = convertRtf(deep);
    expect(r.text).toBe("x");
    expect(r.exceptions.map((e) => e.reason)).toEqual(["corrupt"]);
    const cut = convertRtf("{\\rtf1 {\\b bold text");
    expect(cut.text).toBe("bold text");
    expect(cut.exceptions).toEqual([{ reason: "truncated", detail: "RTF ends with 2 groups still open" }]);
    expect(rtfToText("{\\rtf1 \\'4")).toBe("");
    expect(rtfToText("\\")).toBe("");
    expect(rtfToText("{\\rtf1 \\u")).toBe("");
  });

  it("stays linear on long runs of spaces and NULs (hostile input)", { timeout: 10_000 }, () => {
    const spaces = " ".repeat(1_000_000);
    expect(rtfToText(`{\\rtf1 a${spaces}b\\par${spaces}\\par c}`)).toBe(`a${spaces}b\n\nc`);
    expect(rtfToText(`{\\rtf1 a${"\0".repeat(1_000_000)}b}`)).toBe("ab");
  });
});
