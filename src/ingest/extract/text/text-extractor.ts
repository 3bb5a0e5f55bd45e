import type { Extractor } from "../types.js";
import { decodeText } from "./decode-text.js";
import { limitText } from "./limit-text.js";

/** Plain text files: decoded by BOM, UTF-8 validity or a windows-1252 fallback. */
export const textExtractor: Extractor = async (input) => {
  const decoded = decodeText(input.bytes);
  const exceptions = [...decoded.exceptions];
  const text = limitText(decoded.text, input.limits, exceptions);
  return { text, exceptions, meta: { charset: decoded.charset } };
};
