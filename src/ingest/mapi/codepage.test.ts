import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ansiCodePage, codePageOfLocale } from "./ansi-codepage.js";
import { decodeCodePage, encodingOfCharset, encodingOfCodePage } from "./codepage.js";

describe("code pages", () => {
  it("maps Windows code pages to decoders", () => {
    expect(encodingOfCodePage(1252)).toBe("cp1252");
    expect(encodingOfCodePage(932)).toBe("cp932");
    expect(encodingOfCodePage(65001)).toBe("utf-8");
    expect(encodingOfCodePage(20127)).toBe("ascii");
    expect(encodingOfCodePage(50220)).toBe("iso-2022-jp");
    expect(encodingOfCodePage(12345)).toBeUndefined();
    expect(encodingOfCharset("windows-1251")).toBe("cp1251");
    expect(encodingOfCharset("Shift_JIS")).toBe("shift_jis");
  });

  it("decodes ISO-2022-JP, and Shift-JIS mislabelled as ISO-2022-JP", () => {
    // "患者 A" in ISO-2022-JP: ESC $ B, JIS 0x3435 0x3c54, ESC ( B, " A"
    const jis = new Uint8Array([0x1b, 0x24, 0x42, 0x34, 0x35, 0x3c, 0x54, 0x1b, 0x28, 0x42, 0x20, 0x41]);
    expect(decodeCodePage(jis, 50220)).toEqual({ text: "患者 A", known: true });
    const sjis = new Uint8Array(iconv.encode("患者 A", "cp932"));
    expect(decodeCodePage(sjis, 50220).text).toBe("患者 A");
    expect(decodeCodePage(new Uint8Array([0x41, 0xe9]), 99999)).toEqual({ text: "Aé", known: false });
  });

  it("finds the ANSI code page from the message's hints", () => {
    expect(codePageOfLocale(1041)).toBe(932);
    expect(codePageOfLocale(0x0404)).toBe(950);
    expect(codePageOfLocale(0x0804)).toBe(936);
    expect(codePageOfLocale(1049)).toBe(1251);
    expect(codePageOfLocale(1033)).toBe(1252);
    expect(ansiCodePage({ messageCodepage: 1250, localeId: 1041 })).toBe(1250);
    expect(ansiCodePage({ localeId: 1041, internetCodepage: 50220 })).toBe(932);
    expect(ansiCodePage({ localeId: 1033, internetCodepage: 1251 })).toBe(1251);
    expect(ansiCodePage({ internetCodepage: 20127 })).toBe(1252);
    expect(ansiCodePage({})).toBe(1252);
  });
});
