import { MEDIA, type MediaType, normalizeDeclaredType, typeFromName } from "./media-types.js";
import { hasCfbMagic, readCfbDirectory, rootNames } from "./office/cfb-directory.js";
import { odfMimetype, zipEntryNames } from "./office/zip-entry-names.js";
import { decodeText, looksLikeText } from "./text/decode-text.js";

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

const MAGIC: readonly { sig: readonly number[]; type: MediaType }[] = [
  { sig: ascii("%PDF-"), type: MEDIA.pdf },
  { sig: [0x78, 0x9f, 0x3e, 0x22], type: MEDIA.tnef },
  { sig: ascii("{\\rtf"), type: MEDIA.rtf },
  { sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: MEDIA.png },
  { sig: [0xff, 0xd8, 0xff], type: MEDIA.jpeg },
  { sig: ascii("GIF87a"), type: MEDIA.gif },
  { sig: ascii("GIF89a"), type: MEDIA.gif },
  { sig: [0x49, 0x49, 0x2a, 0x00], type: MEDIA.tiff },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], type: MEDIA.tiff },
  { sig: [0x1f, 0x8b, 0x08], type: MEDIA.gzip },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], type: MEDIA.sevenZip },
  { sig: ascii("Rar!\x1a\x07"), type: MEDIA.rar },
  { sig: ascii("!BDN"), type: MEDIA.pst },
];

function isBmp(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii("BM")) || bytes.length < 26) return false;
  // "BM" alone is common in text; require a known DIB header size as well.
  const dibSize =
    (bytes[14] ?? 0) | ((bytes[15] ?? 0) << 8) | ((bytes[16] ?? 0) << 16) | ((bytes[17] ?? 0) << 24);
  return [12, 40, 52, 56, 64, 108, 124].includes(dibSize);
}

function isWebp(bytes: Uint8Array): boolean {
  return startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8);
}

/** A PDF may carry junk before its header; readers accept it within the first 1 KB. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const sig = ascii("%PDF-");
  const end = Math.min(bytes.length - sig.length, 1024);
  for (let i = 0; i <= end; i++) if (startsWith(bytes, sig, i)) return true;
  return false;
}

const OOXML_TYPES: ReadonlySet<string> = new Set([MEDIA.docx, MEDIA.xlsx, MEDIA.pptx, MEDIA.odt, MEDIA.ods]);
const CFB_TYPES: ReadonlySet<string> = new Set([MEDIA.doc, MEDIA.xls, MEDIA.ppt, MEDIA.msg]);

function zipSubtype(bytes: Uint8Array, hint: MediaType | undefined): MediaType {
  const odf = odfMimetype(bytes);
  if (odf === MEDIA.odt || odf === "application/vnd.oasis.opendocument.text-template") return MEDIA.odt;
  if (odf === MEDIA.ods || odf === "application/vnd.oasis.opendocument.spreadsheet-template")
    return MEDIA.ods;
  const names = zipEntryNames(bytes);
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (names.includes("[Content_Types].xml") || has("_rels/")) {
    if (has("word/")) return MEDIA.docx;
    if (has("xl/")) return MEDIA.xlsx;
    if (has("ppt/")) return MEDIA.pptx;
  }
  if (names.includes("mimetype") && names.includes("content.xml")) {
    if (hint === MEDIA.odt || hint === MEDIA.ods) return hint;
  }
  // A damaged Office file may hide its names; trust the extension or declared type then.
  if (names.length === 0 && hint && OOXML_TYPES.has(hint)) return hint;
  return MEDIA.zip;
}

function cfbSubtype(bytes: Uint8Array, hint: MediaType | undefined): MediaType {
  const dir = readCfbDirectory(bytes);
  if (!dir) return hint && CFB_TYPES.has(hint) ? hint : MEDIA.binary;
  const names = rootNames(dir);
  if (names.has("__properties_version1.0") || [...names].some((n) => n.startsWith("__substg1.0_"))) {
    return MEDIA.msg;
  }
  if (names.has("EncryptionInfo") && names.has("EncryptedPackage")) return MEDIA.ooxmlEncrypted;
  if (names.has("WordDocument")) return MEDIA.doc;
  if (names.has("Workbook") || names.has("Book") || names.has("WORKBOOK") || names.has("BOOK"))
    return MEDIA.xls;
  if (names.has("PowerPoint Document")) return MEDIA.ppt;
  return hint && CFB_TYPES.has(hint) ? hint : MEDIA.binary;
}

const HEADER_LINE = /^[!-9;-~]+:[ \t]?/;
const CONTINUATION = /^[ \t]+\S/;
const STRONG_HEADERS = new Set([
  "received",
  "from",
  "message-id",
  "mime-version",
  "return-path",
  "delivered-to",
]);

/**
 * True when the text opens with a block of RFC 822 header lines that is a mail message: at
 * least two headers including a mail header (Received, From, Message-ID…), or a bare MIME
 * entity (a Content-Type header block closed by a blank line).
 */
function looksLikeHeaders(lines: string[]): boolean {
  const names = new Set<string>();
  let i = 0;
  for (; i < lines.length && i < 200; i++) {
    const line = lines[i] ?? "";
    if (line === "") break;
    if (HEADER_LINE.test(line)) names.add(line.slice(0, line.indexOf(":")).toLowerCase());
    else if (!(i > 0 && CONTINUATION.test(line))) return false;
  }
  if (i === 0) return false;
  if (names.size >= 2 && [...names].some((n) => STRONG_HEADERS.has(n))) return true;
  return names.has("content-type") && i < lines.length;
}

const HTML_START =
  /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|style|table|div|p|br|span|font|h[1-6])[\s>/]/i;

function textSubtype(bytes: Uint8Array): MediaType | undefined {
  const head = decodeText(bytes.subarray(0, 4096)).text;
  const trimmed = head.replace(/^\uFEFF/, "").trimStart();
  // Keep only whole lines: the sample may end mid-line.
  const lines = trimmed.split(/\r?\n/);
  if (head.length >= 4096) lines.pop();
  if (/^From \S/.test(head) && looksLikeHeaders(lines.slice(1))) return MEDIA.mbox;
  if (looksLikeHeaders(lines)) return MEDIA.eml;
  if (HTML_START.test(trimmed)) return MEDIA.html;
  if (/^<\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(trimmed))
    return MEDIA.html;
  return undefined;
}

const TEXT_TYPES: ReadonlySet<string> = new Set([MEDIA.text, MEDIA.csv, MEDIA.html, MEDIA.eml, MEDIA.mbox]);

/**
 * The canonical media type of some bytes: magic numbers first (with container sniffing for
 * ZIP and CFB formats), then text formats recognised by their start (MBOX, RFC 822, HTML),
 * then the file name's extension, then the declared type, and last a text-or-binary guess.
 */
export function detectType(bytes: Uint8Array, name?: string, declared?: string): MediaType {
  const byName = typeFromName(name);
  const byDeclared = normalizeDeclaredType(declared);
  const hint = byName ?? byDeclared;

  for (const m of MAGIC) if (startsWith(bytes, m.sig)) return m.type;
  if (isWebp(bytes)) return MEDIA.webp;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return zipSubtype(bytes, hint);
  }
  if (hasCfbMagic(bytes)) return cfbSubtype(bytes, hint);
  if (isBmp(bytes)) return MEDIA.bmp;
  if (hasPdfHeader(bytes)) return MEDIA.pdf;

  const text = looksLikeText(bytes);
  if (text) {
    const sniffed = textSubtype(bytes);
    // Thunderbird and others save single messages as .eml with an mbox "From " line on top.
    if (sniffed === MEDIA.mbox && hint === MEDIA.eml) return MEDIA.eml;
    if (sniffed) return sniffed;
  }
  for (const t of [byName, byDeclared]) {
    if (!t || t === MEDIA.binary) continue;
    // A text type on bytes that are clearly binary is a mislabel; do not send it to a text reader.
    if (TEXT_TYPES.has(t) && !text) continue;
    return t;
  }
  return text ? MEDIA.text : MEDIA.binary;
}
