import { docExtractor } from "./doc/index.js";
import { docxExtractor, odtExtractor } from "./docx/index.js";
import { gzipExtractor } from "./gzip/gzip-extractor.js";
import { htmlExtractor } from "./html/index.js";
import { imageExtractor } from "./image/index.js";
import { IMAGE_TYPES, MEDIA } from "./media-types.js";
import { encryptedOfficeExtractor } from "./office/index.js";
import { pdfExtractor } from "./pdf/index.js";
import { pptxExtractor } from "./pptx/index.js";
import { rtfExtractor } from "./rtf/index.js";
import { csvExtractor, spreadsheetExtractor } from "./sheet/index.js";
import { textExtractor } from "./text/index.js";
import { tnefExtractor } from "./tnef/index.js";
import type { Extractor } from "./types.js";
import { zipExtractor } from "./zip/index.js";

/** Which extractor reads which media type. A type with none becomes an `unsupported-type` exception. */
const EXTRACTORS = new Map<string, Extractor>([
  [MEDIA.pdf, pdfExtractor],
  [MEDIA.docx, docxExtractor],
  [MEDIA.doc, docExtractor],
  [MEDIA.odt, odtExtractor],
  [MEDIA.pptx, pptxExtractor],
  [MEDIA.xlsx, spreadsheetExtractor],
  [MEDIA.xls, spreadsheetExtractor],
  [MEDIA.ods, spreadsheetExtractor],
  [MEDIA.csv, csvExtractor],
  [MEDIA.text, textExtractor],
  [MEDIA.html, htmlExtractor],
  [MEDIA.rtf, rtfExtractor],
  [MEDIA.tnef, tnefExtractor],
  [MEDIA.zip, zipExtractor],
  [MEDIA.gzip, gzipExtractor],
  [MEDIA.ooxmlEncrypted, encryptedOfficeExtractor],
]);

export function extractorFor(mediaType: string): Extractor | undefined {
  if (IMAGE_TYPES.has(mediaType)) return imageExtractor;
  return EXTRACTORS.get(mediaType);
}

export function supportedMediaTypes(): string[] {
  return [...EXTRACTORS.keys(), ...IMAGE_TYPES].sort();
}
