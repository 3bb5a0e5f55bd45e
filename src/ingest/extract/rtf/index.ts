export { deEncapsulateHtml } from "./deencapsulate-html.js";
export { rtfExtractor } from "./rtf-extractor.js";
export type { RtfResult } from "./rtf-interpreter.js";
export { convertRtf, rtfToText } from "./rtf-to-text.js";
