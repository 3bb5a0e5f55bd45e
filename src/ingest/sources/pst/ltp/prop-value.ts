import type { MapiValue } from "../../../mapi/types.js";
import { corrupt } from "../ndb/pst-error.js";

export const PT = {
  NULL: 0x0001,
  I2: 0x0002,
  LONG: 0x0003,
  R4: 0x0004,
  DOUBLE: 0x0005,
  CURRENCY: 0x0006,
  APPTIME: 0x0007,
  ERROR: 0x000a,
  BOOLEAN: 0x000b,
  OBJECT: 0x000d,
  I8: 0x0014,
  STRING8: 0x001e,
  UNICODE: 0x001f,
  SYSTIME: 0x0040,
  CLSID: 0x0048,
  BINARY: 0x0102,
  MV_FLAG: 0x1000,
} as const;

/** Decodes PT_STRING8 bytes with the container's code page. */
export type String8Decoder = (bytes: Buffer) => string;

/** Size of a fixed-size type, or 0 for variable-size types. */
export function fixedSize(type: number): number {
  switch (type) {
    case PT.I2:
      return 2;
    case PT.LONG:
    case PT.R4:
    case PT.ERROR:
      return 4;
    case PT.BOOLEAN:
      return 1;
    case PT.DOUBLE:
    case PT.CURRENCY:
    case PT.APPTIME:
    case PT.I8:
    case PT.SYSTIME:
      return 8;
    case PT.CLSID:
      return 16;
    default:
      return 0;
  }
}

const FILETIME_EPOCH_DIFF_MS = 11_644_473_600_000;

function filetime(b: Buffer, off: number): Date {
  const ticks = b.readUInt32LE(off) + b.readUInt32LE(off + 4) * 0x1_0000_0000;
  return new Date(ticks / 10_000 - FILETIME_EPOCH_DIFF_MS);
}

function stripNul(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0) end--;
  return end === s.length ? s : s.slice(0, end);
}

export function decodeUnicode(b: Buffer): string {
  return stripNul(b.toString("utf16le", 0, b.length - (b.length % 2)));
}

/** One fixed-size value at `off` (the bytes are known to be long enough). */
function scalar(type: number, b: Buffer, off: number): MapiValue {
  switch (type) {
    case PT.I2:
      return b.readInt16LE(off);
    case PT.LONG:
    case PT.ERROR:
      return b.readInt32LE(off);
    case PT.R4:
      return b.readFloatLE(off);
    case PT.DOUBLE:
    case PT.APPTIME:
      return b.readDoubleLE(off);
    case PT.CURRENCY:
    case PT.I8:
      return b.readBigInt64LE(off);
    case PT.BOOLEAN:
      return b[off] !== 0;
    case PT.SYSTIME:
      return filetime(b, off);
    default:
      return Uint8Array.prototype.slice.call(b, off, off + fixedSize(type));
  }
}

/**
 * Decodes a complete property value from its stored bytes ([MS-PST] 2.3.3.4 for multi-valued
 * layouts). Fixed-size values read from a PC or TC cell use the same function.
 */
export function decodeValue(type: number, b: Buffer, string8: String8Decoder): MapiValue {
  const size = fixedSize(type);
  if (size > 0) {
    if (b.length < size) throw corrupt(`value of type 0x${type.toString(16)} is ${b.length} bytes`);
    return scalar(type, b, 0);
  }
  switch (type) {
    case PT.NULL:
      return null;
    case PT.UNICODE:
      return decodeUnicode(b);
    case PT.STRING8:
      return string8(b);
    case PT.BINARY:
    case PT.OBJECT:
      return new Uint8Array(b);
  }
  if (type & PT.MV_FLAG) return decodeMulti(type & ~PT.MV_FLAG, b, string8);
  // Unknown or rarely used types (restrictions, rule actions, server ids) are kept as bytes.
  return new Uint8Array(b);
}

function decodeMulti(base: number, b: Buffer, string8: String8Decoder): MapiValue {
  const size = fixedSize(base);
  if (size > 0) {
    if (b.length % size !== 0) throw corrupt(`multi-valued 0x${base.toString(16)} has a partial element`);
    const n = b.length / size;
    if (base === PT.SYSTIME) return Array.from({ length: n }, (_, i) => filetime(b, i * size));
    if (base === PT.I8 || base === PT.CURRENCY)
      return Array.from({ length: n }, (_, i) => b.readBigInt64LE(i * size));
    if (base === PT.CLSID)
      return Array.from({ length: n }, (_, i) => new Uint8Array(b.subarray(i * 16, i * 16 + 16)));
    return Array.from({ length: n }, (_, i) => scalar(base, b, i * size) as number);
  }
  // Variable-size elements: a count, then one 32-bit offset per element, then the data.
  if (b.length < 4) return [];
  const n = b.readUInt32LE(0);
  if (4 + n * 4 > b.length) throw corrupt(`multi-valued 0x${base.toString(16)} declares ${n} elements`);
  const parts: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const start = b.readUInt32LE(4 + i * 4);
    const end = i + 1 < n ? b.readUInt32LE(8 + i * 4) : b.length;
    if (start > end || end > b.length) throw corrupt(`multi-valued element ${i} has invalid bounds`);
    parts.push(b.subarray(start, end));
  }
  if (base === PT.UNICODE) return parts.map(decodeUnicode);
  if (base === PT.STRING8) return parts.map(string8);
  return parts.map((p) => new Uint8Array(p));
}
