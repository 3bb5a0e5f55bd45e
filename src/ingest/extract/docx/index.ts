export { docxExtractor } from "./docx-extractor.js";
export { odtExtractor } from "./odt-extractor.js";
