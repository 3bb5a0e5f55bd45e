/**
 * Lists entry names of a ZIP without inflating anything: from the central directory when
 * the end record is found, else by walking local headers from the start. Used for type
 * detection only, so it stops after `max` names and never throws.
 */

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

function latin1(bytes: Uint8Array, start: number, len: number): string {
  let s = "";
  const end = Math.min(bytes.length, start + len);
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}

function fromCentralDirectory(bytes: Uint8Array, dv: DataView, max: number): string[] | undefined {
  // The end record is at most 22 + 65535 (comment) bytes from the end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let off = bytes.length - 22; off >= lowest; off--) {
    if (dv.getUint32(off, true) !== END) continue;
    const count = dv.getUint16(off + 10, true);
    let p = dv.getUint32(off + 16, true);
    const names: string[] = [];
    for (let i = 0; i < count && names.length < max; i++) {
      if (p + 46 > bytes.length || dv.getUint32(p, true) !== CENTRAL) break;
      const nameLen = dv.getUint16(p + 28, true);
      const extraLen = dv.getUint16(p + 30, true);
      const commentLen = dv.getUint16(p + 32, true);
      names.push(latin1(bytes, p + 46, nameLen));
      p += 46 + nameLen + extraLen + commentLen;
    }
    // ZIP64 or a damaged directory gives nothing here; let the local walk try.
    return names.length > 0 ? names : undefined;
  }
  return undefined;
}

function fromLocalHeaders(bytes: Uint8Array, dv: DataView, max: number): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= bytes.length && names.length < max && dv.getUint32(p, true) === LOCAL) {
    const flags = dv.getUint16(p + 6, true);
    const compSize = dv.getUint32(p + 18, true);
    const nameLen = dv.getUint16(p + 26, true);
    const extraLen = dv.getUint16(p + 28, true);
    names.push(latin1(bytes, p + 30, nameLen));
    // With a data descriptor the size is unknown here: the next header cannot be found.
    if (flags & 0x08 && compSize === 0) break;
    p += 30 + nameLen + extraLen + compSize;
  }
  return names;
}

export function zipEntryNames(bytes: Uint8Array, max = 5000): string[] {
  if (bytes.length < 22) return [];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return fromCentralDirectory(bytes, dv, max) ?? fromLocalHeaders(bytes, dv, max);
}

/** The content of an ODF `mimetype` entry, which the format requires first and stored. */
export function odfMimetype(bytes: Uint8Array): string | undefined {
  if (bytes.length < 38) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== LOCAL) return undefined;
  const method = dv.getUint16(8, true);
  const size = dv.getUint32(18, true);
  const nameLen = dv.getUint16(26, true);
  const extraLen = dv.getUint16(28, true);
  if (method !== 0 || nameLen !== 8 || latin1(bytes, 30, 8) !== "mimetype" || size > 200) return undefined;
  return latin1(bytes, 30 + nameLen + extraLen, size).trim();
}
