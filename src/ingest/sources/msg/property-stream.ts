import type { ExceptionInput } from "../../../core/exception.js";
import { decodeFixed, fixedSize, MV_FLAG } from "../../mapi/property-types.js";

/** Header sizes of `__properties_version1.0` ([MS-OXMSG] 2.4). */
export const HEADER_TOP_LEVEL = 32;
export const HEADER_EMBEDDED = 24;
export const HEADER_ATTACHMENT_OR_RECIPIENT = 8;

export interface PropertyStream {
  /** Fixed-size values found in the stream, by property id. */
  fixed: Map<number, number | boolean | bigint | Date | Uint8Array>;
  /** Counts from the message header (top-level and embedded messages only). */
  recipientCount?: number;
  attachmentCount?: number;
  exceptions: ExceptionInput[];
}

/** Parses a property stream: a header, then 16-byte entries (tag, flags, 8-byte value). */
export function parsePropertyStream(bytes: Uint8Array, headerSize: number, where: string): PropertyStream {
  const out: PropertyStream = { fixed: new Map(), exceptions: [] };
  if (bytes.length < headerSize) {
    out.exceptions.push({ reason: "truncated", detail: "property stream is shorter than its header", where });
    return out;
  }
  // Some writers give embedded messages the top-level header (32 bytes) or the reverse; the
  // two differ by 8, so only one of them leaves whole 16-byte entries.
  if (headerSize >= HEADER_EMBEDDED && (bytes.length - headerSize) % 16 !== 0) {
    const other = headerSize === HEADER_TOP_LEVEL ? HEADER_EMBEDDED : HEADER_TOP_LEVEL;
    if (bytes.length >= other && (bytes.length - other) % 16 === 0) headerSize = other;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (headerSize >= HEADER_EMBEDDED) {
    out.recipientCount = view.getUint32(16, true);
    out.attachmentCount = view.getUint32(20, true);
  }
  const body = bytes.length - headerSize;
  if (body % 16 !== 0) {
    out.exceptions.push({
      reason: "corrupt",
      detail: "property stream length is not a whole number of entries",
      where,
    });
  }
  const count = Math.floor(body / 16);
  for (let i = 0; i < count; i++) {
    const off = headerSize + i * 16;
    const tag = view.getUint32(off, true);
    const id = tag >>> 16;
    const type = tag & 0xffff;
    if ((type & MV_FLAG) !== 0) continue; // multi-valued data lives in streams
    const size = fixedSize(type);
    if (size === undefined || size > 8) continue; // variable-size data lives in streams
    const value = decodeFixed(view, off + 8, type);
    if (value !== undefined) out.fixed.set(id, value);
  }
  return out;
}
