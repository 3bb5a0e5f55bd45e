export { pptxExtractor } from "./pptx-extractor.js";
