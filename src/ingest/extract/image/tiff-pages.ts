/**
 * Multi-page TIFF (fax and scanner output) support: the OCR engine reads only the first
 * page of a TIFF, so each page is presented to it as its own file.
 */

const MAX_PAGES = 10_000;

function reader(bytes: Uint8Array): { le: boolean; dv: DataView } | undefined {
  if (bytes.length < 8) return undefined;
  const le = bytes[0] === 0x49 && bytes[1] === 0x49;
  const be = bytes[0] === 0x4d && bytes[1] === 0x4d;
  if (!le && !be) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // 42 is classic TIFF; BigTIFF (43) uses 8-byte offsets and is left to the engine as is.
  return dv.getUint16(2, le) === 42 ? { le, dv } : undefined;
}

/** Offsets of every image file directory (one per page), following the chain safely. */
export function tiffPageOffsets(bytes: Uint8Array): number[] {
  const r = reader(bytes);
  if (!r) return [];
  const offsets: number[] = [];
  const seen = new Set<number>();
  let ifd = r.dv.getUint32(4, r.le);
  while (ifd !== 0 && ifd + 2 <= bytes.length && !seen.has(ifd) && offsets.length < MAX_PAGES) {
    seen.add(ifd);
    const count = r.dv.getUint16(ifd, r.le);
    const nextAt = ifd + 2 + count * 12;
    if (nextAt + 4 > bytes.length) break;
    offsets.push(ifd);
    ifd = r.dv.getUint32(nextAt, r.le);
  }
  return offsets;
}

/**
 * A copy of the file that shows only the page whose directory is at `ifdOffset`: the header
 * points at that directory and its next-directory link is cut. All other offsets in a TIFF
 * are absolute, so the page's data stays valid where it is.
 */
export function tiffSinglePage(bytes: Uint8Array, ifdOffset: number): Uint8Array {
  const r = reader(bytes);
  if (!r) throw new Error("not a classic TIFF");
  const copy = new Uint8Array(bytes);
  const dv = new DataView(copy.buffer);
  const count = dv.getUint16(ifdOffset, r.le);
  dv.setUint32(4, ifdOffset, r.le);
  dv.setUint32(ifdOffset + 2 + count * 12, 0, r.le);
  return copy;
}
