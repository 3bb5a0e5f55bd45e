import { decodeText } from "../text/decode-text.js";
import { limitText } from "../text/limit-text.js";
import type { Extractor } from "../types.js";
import { htmlToText } from "./html-to-text.js";

/** The charset an HTML document declares in a <meta> tag within its first 4 KB, if any. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return m?.[1];
}

export const htmlExtractor: Extractor = async (input) => {
  const decoded = decodeText(input.bytes, metaCharset(input.bytes));
  const exceptions = [...decoded.exceptions];
  const text = limitText(htmlToText(decoded.text), input.limits, exceptions);
  return { text, exceptions, meta: { charset: decoded.charset } };
};
