export { decodeEntities } from "./entities.js";
export { htmlExtractor, metaCharset } from "./html-extractor.js";
export { htmlToText, nestingDepth } from "./html-to-text.js";
export { stripTags } from "./strip-tags.js";
