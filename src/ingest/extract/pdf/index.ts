export { annotationText } from "./annotation-text.js";
export { encryptedPdfSample } from "./encrypt-sample.js";
export { layoutPageText, type PositionedText } from "./page-text.js";
export { MIN_TEXT_CHARS, pdfExtractor, usableChars } from "./pdf-extractor.js";
export { MAX_RENDER_PIXELS, RENDER_DPI, renderPageToPng } from "./render-page.js";
