export { OCR_TIMEOUT_MS, type OcrResult, ocrImage, shutdownOcr } from "./ocr-engine.js";
