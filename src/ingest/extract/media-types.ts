/**
 * Canonical media types that detectType() returns and extractors are registered under.
 * Every other module compares against these constants rather than spelling the strings.
 */
export const MEDIA = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xls: "application/vnd.ms-excel",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ppt: "application/vnd.ms-powerpoint",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  /** An OOXML file (docx/xlsx/pptx) wrapped in a password-encrypted CFB container. */
  ooxmlEncrypted: "application/x-ooxml-encrypted",
  csv: "text/csv",
  text: "text/plain",
  html: "text/html",
  rtf: "application/rtf",
  tnef: "application/ms-tnef",
  zip: "application/zip",
  gzip: "application/gzip",
  sevenZip: "application/x-7z-compressed",
  rar: "application/vnd.rar",
  /** An Outlook .msg file. */
  msg: "application/vnd.ms-outlook",
  eml: "message/rfc822",
  mbox: "application/mbox",
  pst: "application/vnd.ms-outlook-pst",
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  tiff: "image/tiff",
  bmp: "image/bmp",
  webp: "image/webp",
  binary: "application/octet-stream",
} as const;

export type MediaType = (typeof MEDIA)[keyof typeof MEDIA];

const CANONICAL: ReadonlySet<string> = new Set(Object.values(MEDIA));

export function isCanonicalMediaType(value: string): value is MediaType {
  return CANONICAL.has(value);
}

/** Image types the OCR path accepts. */
export const IMAGE_TYPES: ReadonlySet<string> = new Set([
  MEDIA.png,
  MEDIA.jpeg,
  MEDIA.gif,
  MEDIA.tiff,
  MEDIA.bmp,
  MEDIA.webp,
]);

/** File extensions (lowercase, no dot) to canonical types. */
export const EXTENSION_TYPES: Readonly<Record<string, MediaType>> = {
  pdf: MEDIA.pdf,
  docx: MEDIA.docx,
  docm: MEDIA.docx,
  dotx: MEDIA.docx,
  dotm: MEDIA.docx,
  doc: MEDIA.doc,
  dot: MEDIA.doc,
  xlsx: MEDIA.xlsx,
  xlsm: MEDIA.xlsx,
  xltx: MEDIA.xlsx,
  xltm: MEDIA.xlsx,
  xls: MEDIA.xls,
  xlt: MEDIA.xls,
  pptx: MEDIA.pptx,
  pptm: MEDIA.pptx,
  ppsx: MEDIA.pptx,
  ppt: MEDIA.ppt,
  pps: MEDIA.ppt,
  odt: MEDIA.odt,
  ods: MEDIA.ods,
  csv: MEDIA.csv,
  tsv: MEDIA.csv,
  txt: MEDIA.text,
  text: MEDIA.text,
  log: MEDIA.text,
  md: MEDIA.text,
  htm: MEDIA.html,
  html: MEDIA.html,
  xhtml: MEDIA.html,
  rtf: MEDIA.rtf,
  tnef: MEDIA.tnef,
  zip: MEDIA.zip,
  gz: MEDIA.gzip,
  tgz: MEDIA.gzip,
  "7z": MEDIA.sevenZip,
  rar: MEDIA.rar,
  msg: MEDIA.msg,
  eml: MEDIA.eml,
  mht: MEDIA.eml,
  mhtml: MEDIA.eml,
  mbox: MEDIA.mbox,
  mbx: MEDIA.mbox,
  pst: MEDIA.pst,
  ost: MEDIA.pst,
  png: MEDIA.png,
  jpg: MEDIA.jpeg,
  jpeg: MEDIA.jpeg,
  jpe: MEDIA.jpeg,
  jfif: MEDIA.jpeg,
  gif: MEDIA.gif,
  tif: MEDIA.tiff,
  tiff: MEDIA.tiff,
  bmp: MEDIA.bmp,
  dib: MEDIA.bmp,
  webp: MEDIA.webp,
};

/** Declared (sender-supplied) types that mean the same as a canonical one. */
export const TYPE_ALIASES: Readonly<Record<string, MediaType>> = {
  "application/x-pdf": MEDIA.pdf,
  "application/acrobat": MEDIA.pdf,
  "application/vnd.ms-word": MEDIA.doc,
  "application/vnd.ms-word.document.macroenabled.12": MEDIA.docx,
  "application/x-msexcel": MEDIA.xls,
  "application/x-excel": MEDIA.xls,
  "application/excel": MEDIA.xls,
  "application/vnd.ms-excel.sheet.macroenabled.12": MEDIA.xlsx,
  "application/mspowerpoint": MEDIA.ppt,
  "application/vnd.ms-powerpoint.presentation.macroenabled.12": MEDIA.pptx,
  "text/comma-separated-values": MEDIA.csv,
  "application/csv": MEDIA.csv,
  "text/tab-separated-values": MEDIA.csv,
  "text/rtf": MEDIA.rtf,
  "application/x-rtf": MEDIA.rtf,
  "application/vnd.ms-tnef": MEDIA.tnef,
  "application/x-zip-compressed": MEDIA.zip,
  "application/x-zip": MEDIA.zip,
  "application/x-gzip": MEDIA.gzip,
  "application/x-rar-compressed": MEDIA.rar,
  "application/x-rar": MEDIA.rar,
  "application/x-msg": MEDIA.msg,
  "application/x-ms-outlook": MEDIA.msg,
  "message/partial": MEDIA.eml,
  "image/jpg": MEDIA.jpeg,
  "image/pjpeg": MEDIA.jpeg,
  "image/x-png": MEDIA.png,
  "image/x-ms-bmp": MEDIA.bmp,
  "image/x-bmp": MEDIA.bmp,
  "application/xhtml+xml": MEDIA.html,
};

/** Lowercases a declared type, drops parameters, and maps aliases; undefined when unknown. */
export function normalizeDeclaredType(declared: string | undefined): MediaType | undefined {
  if (!declared) return undefined;
  const base = declared.split(";")[0]?.trim().toLowerCase() ?? "";
  if (isCanonicalMediaType(base)) return base;
  return TYPE_ALIASES[base];
}

/** The canonical type for a file name's extension, if it has a known one. */
export function typeFromName(name: string | undefined): MediaType | undefined {
  if (!name) return undefined;
  const dot = name.lastIndexOf(".");
  if (dot < 0 || dot === name.length - 1) return undefined;
  const ext = name.slice(dot + 1).toLowerCase();
  return Object.hasOwn(EXTENSION_TYPES, ext) ? EXTENSION_TYPES[ext] : undefined;
}
