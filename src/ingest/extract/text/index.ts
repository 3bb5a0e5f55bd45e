export { type DecodedText, decodeText, looksLikeText } from "./decode-text.js";
export { limitText } from "./limit-text.js";
export { textExtractor } from "./text-extractor.js";
