import type { ByteSource } from "./file-source.js";
import { PstError } from "./pst-error.js";

export type PstFormatName = "pst-ansi" | "pst-unicode" | "ost-unicode" | "ost-2013";

/** Sizes that differ between the three on-disk layouts. */
export interface NdbLayout {
  /** 32-bit (ANSI) or 64-bit BIDs, IBs and NIDs in B-tree entries. */
  wide: boolean;
  pageSize: number;
  /** Bytes of BTENTRY/NBTENTRY/BBTENTRY area at the start of a B-tree page. */
  entryArea: number;
  /** Offsets of cEnt, cEntMax, cbEnt and cLevel inside a B-tree page. */
  cEntOffset: number;
  cEntWide: boolean;
  pageTrailerOffset: number;
  /** Blocks are stored in slots that are multiples of this. */
  blockAlign: number;
  blockTrailerSize: number;
  /** True for the 4 KiB-page OST layout whose blocks may be zlib-compressed. */
  compressedBlocks: boolean;
}

export interface PstHeader {
  format: PstFormatName;
  wVer: number;
  layout: NdbLayout;
  cryptMethod: number;
  nbtRoot: { bid: number; ib: number };
  bbtRoot: { bid: number; ib: number };
  fileEof: number;
}

const ANSI: NdbLayout = {
  wide: false,
  pageSize: 512,
  entryArea: 496,
  cEntOffset: 496,
  cEntWide: false,
  pageTrailerOffset: 500,
  blockAlign: 64,
  blockTrailerSize: 12,
  compressedBlocks: false,
};

const UNICODE: NdbLayout = {
  wide: true,
  pageSize: 512,
  entryArea: 488,
  cEntOffset: 488,
  cEntWide: false,
  pageTrailerOffset: 496,
  blockAlign: 64,
  blockTrailerSize: 16,
  compressedBlocks: false,
};

const OST_2013: NdbLayout = {
  wide: true,
  pageSize: 4096,
  entryArea: 4056,
  cEntOffset: 4056,
  cEntWide: true,
  pageTrailerOffset: 4072,
  blockAlign: 512,
  blockTrailerSize: 24,
  compressedBlocks: true,
};

/** Reads a 64-bit little-endian value as a Number (exact up to 2^53, which covers any file offset). */
export function u64(buf: Buffer, offset: number): number {
  return buf.readUInt32LE(offset) + buf.readUInt32LE(offset + 4) * 0x1_0000_0000;
}

const HEADER_BYTES = 564;

/** Parses the file header ([MS-PST] 2.2.2.6) and picks the layout from wVer. */
export function readHeader(src: ByteSource): PstHeader {
  if (src.size < HEADER_BYTES)
    throw new PstError("truncated", `file of ${src.size} bytes is smaller than a header`);
  const h = src.read(0, HEADER_BYTES);
  if (h.toString("latin1", 0, 4) !== "!BDN") throw new PstError("corrupt", "header magic is not !BDN");
  const client = h.toString("latin1", 8, 10);
  const isOst = client === "SO";
  const wVer = h.readUInt16LE(10);
  if (wVer === 14 || wVer === 15) {
    return {
      format: "pst-ansi",
      wVer,
      layout: ANSI,
      cryptMethod: h[461]!,
      fileEof: h.readUInt32LE(168),
      nbtRoot: { bid: h.readUInt32LE(184), ib: h.readUInt32LE(188) },
      bbtRoot: { bid: h.readUInt32LE(192), ib: h.readUInt32LE(196) },
    };
  }
  if (wVer >= 23) {
    const layout = wVer >= 36 ? OST_2013 : UNICODE;
    return {
      format: wVer >= 36 ? "ost-2013" : isOst ? "ost-unicode" : "pst-unicode",
      wVer,
      layout,
      cryptMethod: h[513]!,
      fileEof: u64(h, 184),
      nbtRoot: { bid: u64(h, 216), ib: u64(h, 224) },
      bbtRoot: { bid: u64(h, 232), ib: u64(h, 240) },
    };
  }
  throw new PstError("corrupt", `unsupported header version wVer=${wVer}`);
}
