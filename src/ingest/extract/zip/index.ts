export { type ArchiveBudget, createInflateGuard } from "./inflate-guard.js";
export { openZip, type ZipEntryInfo, type ZipHandle } from "./open-zip.js";
export { zipExtractor } from "./zip-extractor.js";
export { ZipReadError } from "./zip-read-error.js";
