export { docExtractor } from "./doc-extractor.js";
