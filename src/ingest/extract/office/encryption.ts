import { findRootEntry, readCfbDirectory, readCfbStream, rootNames } from "./cfb-directory.js";

export type OfficeEncryption =
  /** OOXML (docx/xlsx/pptx) in a CFB with EncryptionInfo + EncryptedPackage. */
  | "ooxml"
  /** Word 97–2003 with fEncrypted or fObfuscated set in the FIB. */
  | "doc"
  /** Excel 97–2003 with a FILEPASS record in the workbook globals. */
  | "xls"
  /** PowerPoint 97–2003 with an EncryptedSummary stream. */
  | "ppt";

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

/** The FIB's flags word: bit 8 fEncrypted, bit 15 fObfuscated (XOR). wIdent must be 0xA5EC. */
function docEncrypted(fib: Uint8Array): boolean {
  if (fib.length < 12 || u16(fib, 0) !== 0xa5ec) return false;
  return (u16(fib, 0x0a) & 0x8100) !== 0;
}

/** Walks the first BIFF records of the globals substream looking for FILEPASS (0x002F). */
function xlsEncrypted(stream: Uint8Array): boolean {
  let o = 0;
  for (let n = 0; n < 64 && o + 4 <= stream.length; n++) {
    const type = u16(stream, o);
    const len = u16(stream, o + 2);
    if (type === 0x002f) return true;
    // BOUNDSHEET (0x0085) comes after FILEPASS; past it the workbook is not encrypted.
    if (type === 0x0085 || (n > 0 && type === 0x000a)) return false;
    o += 4 + len;
  }
  return false;
}

/** Says whether (and how) an Office file is password-encrypted; undefined when it is not. */
export function officeEncryption(bytes: Uint8Array): OfficeEncryption | undefined {
  const dir = readCfbDirectory(bytes);
  if (!dir) return undefined;
  const names = rootNames(dir);
  if (names.has("EncryptionInfo") && names.has("EncryptedPackage")) return "ooxml";
  if (names.has("EncryptedSummary")) return "ppt";
  const word = findRootEntry(dir, "WordDocument");
  if (word) {
    const fib = readCfbStream(dir, word, 32);
    if (fib && docEncrypted(fib)) return "doc";
  }
  const book = findRootEntry(dir, "Workbook") ?? findRootEntry(dir, "Book");
  if (book) {
    const head = readCfbStream(dir, book, 8192);
    if (head && xlsEncrypted(head)) return "xls";
  }
  return undefined;
}

/** "agile", "standard" or "extensible" from the EncryptionInfo version, for meta only. */
export function ooxmlEncryptionKind(bytes: Uint8Array): string | undefined {
  const dir = readCfbDirectory(bytes);
  const info = dir && findRootEntry(dir, "EncryptionInfo");
  const head = info && readCfbStream(dir, info, 4);
  if (!head || head.length < 4) return undefined;
  const major = u16(head, 0);
  const minor = u16(head, 2);
  if (major === 4 && minor === 4) return "agile";
  if ((major === 3 || major === 4) && minor === 2) return "standard";
  if ((major === 3 || major === 4) && minor === 3) return "extensible";
  return undefined;
}
