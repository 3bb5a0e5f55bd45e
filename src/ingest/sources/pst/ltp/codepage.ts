import { decodeCodePage } from "../../../mapi/codepage.js";
import type { String8Decoder } from "./prop-value.js";

export const DEFAULT_CODEPAGE = 1252;

/** A PT_STRING8 decoder for one code page; `unknown` is set once a string needed a guess. */
export function string8Decoder(codePage: number): { decode: String8Decoder; state: { unknown: boolean } } {
  const state = { unknown: false };
  const decode: String8Decoder = (bytes) => {
    let end = bytes.length;
    while (end > 0 && bytes[end - 1] === 0) end--;
    const r = decodeCodePage(bytes.subarray(0, end), codePage);
    if (!r.known) state.unknown = true;
    return r.text;
  };
  return { decode, state };
}
