export { cellText } from "./cell-text.js";
export { CSV_DELIMITERS, parseDelimited, sniffDelimiter } from "./csv.js";
export { csvExtractor, makeCsvExtractor } from "./csv-extractor.js";
export {
  MAX_CELLS,
  MAX_ROWS_PER_SHEET,
  makeSpreadsheetExtractor,
  spreadsheetExtractor,
} from "./spreadsheet-extractor.js";
export { type WorkbookText, workbookText } from "./workbook-text.js";
