export { imageExtractor, MAX_OCR_PIXELS, MIN_OCR_BYTES, MIN_OCR_SIDE } from "./image-extractor.js";
export { type ImageSize, imageSize } from "./image-size.js";
export { reencodeAsPng } from "./reencode.js";
