/** MAPI property types ([MS-OXCDATA] 2.11.1), shared by the MSG, PST and TNEF readers. */
export const PT = {
  UNSPECIFIED: 0x0000,
  NULL: 0x0001,
  SHORT: 0x0002,
  LONG: 0x0003,
  FLOAT: 0x0004,
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
  SVREID: 0x00fb,
  SRESTRICT: 0x00fd,
  ACTIONS: 0x00fe,
  BINARY: 0x0102,
} as const;

/** Flag that makes a type multi-valued. */
export const MV_FLAG = 0x1000;

/** Byte size of one value of a fixed-size type, or undefined for variable-size types. */
export function fixedSize(type: number): number | undefined {
  switch (type) {
    case PT.SHORT:
      return 2;
    case PT.LONG:
    case PT.FLOAT:
    case PT.ERROR:
      return 4;
    case PT.BOOLEAN:
      return 2;
    case PT.DOUBLE:
    case PT.CURRENCY:
    case PT.APPTIME:
    case PT.I8:
    case PT.SYSTIME:
      return 8;
    case PT.CLSID:
      return 16;
    default:
      return undefined;
  }
}

const FILETIME_EPOCH_DIFF_MS = 11644473600000n;

/** A FILETIME (100 ns ticks since 1601) as a Date; Invalid Date when out of range. */
export function dateOfFiletime(ticks: bigint): Date {
  const ms = ticks / 10000n - FILETIME_EPOCH_DIFF_MS;
  if (ms > 8640000000000000n || ms < -8640000000000000n) return new Date(Number.NaN);
  return new Date(Number(ms));
}

/**
 * Decodes one value of a fixed-size type at `offset` (the caller checks the bounds). Returns
 * undefined for types that carry no usable value (errors, nulls).
 */
export function decodeFixed(
  view: DataView,
  offset: number,
  type: number,
): number | boolean | bigint | Date | Uint8Array | undefined {
  switch (type) {
    case PT.SHORT:
      return view.getInt16(offset, true);
    case PT.LONG:
      return view.getInt32(offset, true);
    case PT.FLOAT:
      return view.getFloat32(offset, true);
    case PT.DOUBLE:
    case PT.APPTIME:
      return view.getFloat64(offset, true);
    case PT.CURRENCY:
    case PT.I8:
      return view.getBigInt64(offset, true);
    case PT.BOOLEAN:
      return view.getUint16(offset, true) !== 0;
    case PT.SYSTIME:
      return dateOfFiletime(view.getBigUint64(offset, true));
    case PT.CLSID:
      return new Uint8Array(view.buffer.slice(view.byteOffset + offset, view.byteOffset + offset + 16));
    default:
      return undefined;
  }
}
