import iconv from "iconv-lite";
import { decodeIso2022Jp } from "./iso-2022-jp.js";

/** Windows code pages whose iconv-lite name is not simply "cp" + number. */
const SPECIAL: Record<number, string> = {
  1200: "utf-16le",
  1201: "utf-16be",
  10000: "macintosh",
  20127: "ascii",
  20932: "euc-jp",
  51932: "euc-jp",
  51936: "gbk",
  51949: "euc-kr",
  54936: "gb18030",
  65000: "utf-7",
  65001: "utf-8",
};

/** Code pages handled by our own decoder rather than iconv-lite. */
const ISO_2022_JP = "iso-2022-jp";
const ISO_2022_JP_PAGES = new Set([50220, 50221, 50222]);

/** The encoding name for a Windows code page, or undefined when it is not supported. */
export function encodingOfCodePage(codePage: number): string | undefined {
  if (ISO_2022_JP_PAGES.has(codePage)) return ISO_2022_JP;
  const special = SPECIAL[codePage];
  if (special) return special;
  const name = `cp${codePage}`;
  return iconv.encodingExists(name) ? name : undefined;
}

/** The iconv-lite name for a charset label (HTML meta, MIME), or undefined when unsupported. */
export function encodingOfCharset(label: string): string | undefined {
  const l = label.trim().toLowerCase();
  if (!l) return undefined;
  const m = /^(?:cp|windows-)(\d+)$/.exec(l);
  if (m) return encodingOfCodePage(Number(m[1]));
  if (l === ISO_2022_JP || l === "csiso2022jp") return ISO_2022_JP;
  return iconv.encodingExists(l) ? l : undefined;
}

/** Decodes with an encoding name from encodingOfCodePage/encodingOfCharset. */
export function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === ISO_2022_JP) {
    // Outlook sometimes labels Shift-JIS data with the ISO-2022-JP code page: 8-bit bytes
    // and no escape sequences give it away.
    if (!bytes.includes(0x1b) && bytes.some((b) => b >= 0x80)) return decodeWith(bytes, "cp932");
    return decodeIso2022Jp(bytes);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

export interface Decoded {
  text: string;
  /** False when the code page was not supported and windows-1252 was used as a guess. */
  known: boolean;
}

/** Decodes bytes in a Windows code page; an unsupported code page falls back to windows-1252. */
export function decodeCodePage(bytes: Uint8Array, codePage: number): Decoded {
  const enc = encodingOfCodePage(codePage);
  return enc
    ? { text: decodeWith(bytes, enc), known: true }
    : { text: decodeWith(bytes, "cp1252"), known: false };
}

/** True when the bytes are well-formed UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
