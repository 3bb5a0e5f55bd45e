import type { ExceptionInput } from "../../core/exception.js";
import { decodeCodePage, decodeWith, encodingOfCharset, isUtf8 } from "./codepage.js";
import { decompressRtf } from "./compressed-rtf.js";
import { bytesProp, cleanString, getProp, numberProp, stripTrailingNuls } from "./mapi-values.js";
import { PidTagHtml, PidTagInternetCodepage, PidTagMessageCodepage, PidTagRtfCompressed } from "./tags.js";
import type { MapiProperties } from "./types.js";

export interface BodyResult {
  text?: string;
  exceptions: ExceptionInput[];
}

/** Finds a charset declared in the first part of an HTML document (meta tag). */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString(
    "latin1",
  );
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return m?.[1];
}

/**
 * PidTagHtml: a string, or bytes in the message's Internet code page (PT_BINARY). Without a
 * code page the HTML's own meta charset is used, then UTF-8 if the bytes are valid UTF-8.
 */
export function htmlBodyFromMapi(props: MapiProperties): BodyResult {
  const v = getProp(props, PidTagHtml);
  if (typeof v === "string") return { text: cleanString(v) ?? undefined, exceptions: [] };
  const bytes = bytesProp(props, PidTagHtml);
  if (!bytes || bytes.length === 0) return { exceptions: [] };
  const exceptions: ExceptionInput[] = [];
  const cp = numberProp(props, PidTagInternetCodepage) ?? numberProp(props, PidTagMessageCodepage);
  let text: string;
  if (cp !== undefined) {
    const d = decodeCodePage(bytes, cp);
    text = d.text;
    if (!d.known)
      exceptions.push({ reason: "charset-unknown", detail: `HTML body code page ${cp} is not supported` });
  } else {
    const label = sniffHtmlCharset(bytes);
    const enc = label ? encodingOfCharset(label) : undefined;
    text = decodeWith(bytes, enc ?? (isUtf8(bytes) ? "utf-8" : "cp1252"));
  }
  return { text: stripTrailingNuls(text), exceptions };
}

/**
 * PidTagRtfCompressed, decompressed. RTF is a 7-bit format whose other bytes are escaped, so
 * the bytes are mapped one-to-one to characters (latin1); rtfToText applies the code page.
 */
export function rtfBodyFromMapi(props: MapiProperties, maxBytes?: number): BodyResult {
  const bytes = bytesProp(props, PidTagRtfCompressed);
  if (!bytes) return { exceptions: [] };
  const r = decompressRtf(bytes, maxBytes);
  const exceptions = r.exceptions.map((e) => ({ ...e, where: e.where ?? "RTF body" }));
  const text = r.bytes.length > 0 ? Buffer.from(r.bytes).toString("latin1") : undefined;
  return { text, exceptions };
}
