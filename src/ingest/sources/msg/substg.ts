import { decodeWith } from "../../mapi/codepage.js";
import { stripTrailingNuls } from "../../mapi/mapi-values.js";
import { decodeFixed, fixedSize, MV_FLAG, PT } from "../../mapi/property-types.js";
import type { MapiValue } from "../../mapi/types.js";
import type { CfbNode } from "./cfb-tree.js";

const SUBSTG = /^__SUBSTG1\.0_([0-9A-F]{4})([0-9A-F]{4})(?:-([0-9A-F]{8}))?$/;

export interface SubstgName {
  id: number;
  type: number;
  /** For the per-value streams of multi-valued variable-size properties. */
  index?: number;
}

/** Parses `__substg1.0_IIIITTTT[-NNNNNNNN]` (case-insensitive). */
export function parseSubstgName(name: string): SubstgName | undefined {
  const m = SUBSTG.exec(name.toUpperCase());
  if (!m) return undefined;
  const out: SubstgName = {
    id: Number.parseInt(m[1] as string, 16),
    type: Number.parseInt(m[2] as string, 16),
  };
  if (m[3]) out.index = Number.parseInt(m[3], 16);
  return out;
}

function utf16(bytes: Uint8Array): string {
  const even = bytes.length & ~1;
  return stripTrailingNuls(Buffer.from(bytes.buffer, bytes.byteOffset, even).toString("utf16le"));
}

function ansi(bytes: Uint8Array, encoding: string): string {
  return stripTrailingNuls(decodeWith(bytes, encoding));
}

/** Decodes a single-valued variable-size property stream; undefined for types it does not hold. */
export function decodeStreamValue(
  type: number,
  bytes: Uint8Array,
  ansiEncoding: string,
): MapiValue | undefined {
  switch (type) {
    case PT.UNICODE:
      return utf16(bytes);
    case PT.STRING8:
      return ansi(bytes, ansiEncoding);
    case PT.BINARY:
    case PT.CLSID:
    case PT.SVREID:
      return bytes;
    default:
      break;
  }
  // Multi-valued fixed-size values are stored back to back in one stream.
  if ((type & MV_FLAG) !== 0) {
    const base = type & ~MV_FLAG;
    const size = fixedSize(base);
    if (size === undefined) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const values: unknown[] = [];
    for (let off = 0; off + size <= bytes.length; off += size) values.push(decodeFixed(view, off, base));
    return values as MapiValue;
  }
  return undefined;
}

/** True for the multi-valued types whose values each have their own stream. */
export function isMultiVariable(type: number): boolean {
  return type === (MV_FLAG | PT.UNICODE) || type === (MV_FLAG | PT.STRING8) || type === (MV_FLAG | PT.BINARY);
}

/** Decodes the per-value streams of a multi-valued string or binary property, in index order. */
export function decodeMultiVariable(
  type: number,
  parts: readonly { index: number; node: CfbNode }[],
  ansiEncoding: string,
): MapiValue {
  const sorted = [...parts].sort((a, b) => a.index - b.index);
  const base = type & ~MV_FLAG;
  if (base === PT.BINARY) return sorted.map((p) => p.node.stream ?? new Uint8Array(0));
  return sorted.map((p) => {
    const s = p.node.stream ?? new Uint8Array(0);
    return base === PT.UNICODE ? utf16(s) : ansi(s, ansiEncoding);
  });
}
