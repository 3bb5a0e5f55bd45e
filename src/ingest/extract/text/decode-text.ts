import iconv from "iconv-lite";
import type { ExceptionInput } from "../../../core/exception.js";

export interface DecodedText {
  text: string;
  /** The encoding used: utf-8, utf-16le, utf-16be or windows-1252 (or the label given). */
  charset: string;
  exceptions: ExceptionInput[];
}

// Bytes that windows-1252 leaves undefined; seeing them means the guess is probably wrong.
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | undefined {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: "utf-8", skip: 3 };
  if (a === 0xff && b === 0xfe) return { charset: "utf-16le", skip: 2 };
  if (a === 0xfe && b === 0xff) return { charset: "utf-16be", skip: 2 };
  return undefined;
}

/**
 * UTF-16 without a BOM: text in Latin script has a zero byte in every other position.
 * Returns the byte order when at least 40% of one parity (and few of the other) are zero.
 */
export function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.4 && evenZeros / pairs < 0.05) return "utf-16le";
  if (evenZeros / pairs > 0.4 && oddZeros / pairs < 0.05) return "utf-16be";
  return undefined;
}

/** Decodes with iconv-lite (Node's own TextDecoder treats windows-1252 as Latin-1). */
export function decodeWith(label: string, bytes: Uint8Array): string | undefined {
  try {
    if (!iconv.encodingExists(label)) return undefined;
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label, {
      stripBOM: false,
    });
  } catch {
    return undefined;
  }
}

/** Strict UTF-8 decoding: the text, or undefined when the bytes are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** True when a windows-1252 reading of these bytes is doubtful (likely another code page). */
function doubtful1252(bytes: Uint8Array): boolean {
  let high = 0;
  let control = 0;
  for (const b of bytes) {
    if (b >= 0x80) {
      high++;
      if (UNDEFINED_1252.has(b)) return true;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      control++;
    }
  }
  const n = Math.max(1, bytes.length);
  // Western text is mostly ASCII; a high share of 8-bit bytes suggests CJK, Cyrillic, Greek, …
  return high / n > 0.3 || control / n > 0.01;
}

/**
 * Decodes bytes of unknown encoding: BOM, then strict UTF-8, then BOM-less UTF-16, then a
 * declared charset if one is given and known, then windows-1252 (a superset of Latin-1 that
 * never fails). `charset-unknown` is noted only when the fallback guess looks doubtful.
 */
export function decodeText(bytes: Uint8Array, declaredCharset?: string): DecodedText {
  const bom = bomCharset(bytes);
  if (bom) {
    const text = decodeWith(bom.charset, bytes.subarray(bom.skip)) ?? "";
    return { text, charset: bom.charset, exceptions: [] };
  }
  // Before UTF-8: BOM-less UTF-16 of ASCII text is also valid (NUL-laden) UTF-8.
  const utf16 = guessUtf16(bytes);
  if (utf16) return { text: decodeWith(utf16, bytes) ?? "", charset: utf16, exceptions: [] };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, charset: "utf-8", exceptions: [] };
  if (declaredCharset) {
    const label = declaredCharset.trim().toLowerCase();
    const text = label === "utf-8" || label === "utf8" ? undefined : decodeWith(label, bytes);
    if (text !== undefined) return { text, charset: label, exceptions: [] };
  }
  const text = decodeWith("windows-1252", bytes) ?? "";
  const exceptions: ExceptionInput[] = doubtful1252(bytes)
    ? [{ reason: "charset-unknown", detail: "not UTF-8 or UTF-16; decoded as windows-1252" }]
    : [];
  return { text, charset: "windows-1252", exceptions };
}

/**
 * Whether a sample looks like text: no NUL bytes (unless UTF-16) and few control characters.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return true;
  if (bomCharset(sample) || guessUtf16(sample)) return true;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / sample.length < 0.02;
}
