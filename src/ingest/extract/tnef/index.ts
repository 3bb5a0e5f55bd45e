export { isTnef, parseTnef, type TnefParse } from "./parse-tnef.js";
export { tnefExtractor } from "./tnef-extractor.js";
