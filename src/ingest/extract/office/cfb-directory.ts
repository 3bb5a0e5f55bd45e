/**
 * A minimal, allocation-light reader for the directory of a Compound File Binary (OLE2)
 * container: enough to name the root's streams (to tell MSG from DOC from XLS) and to read
 * the first bytes of a stream (to check Office encryption flags) without copying the file.
 * Every offset read from the file is bounds-checked; a damaged file yields undefined.
 */

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const NOSTREAM = 0xffffffff;
const MAX_DIR_ENTRIES = 1_000_000;

export interface CfbEntry {
  id: number;
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export interface CfbDirectory {
  bytes: Uint8Array;
  sectorSize: number;
  miniSectorSize: number;
  miniCutoff: number;
  entries: CfbEntry[];
  fatSectors: number[];
  firstMiniFat: number;
}

export function hasCfbMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function sectorOffset(dir: Pick<CfbDirectory, "sectorSize">, sector: number): number {
  return (sector + 1) * dir.sectorSize;
}

function fatNext(dir: CfbDirectory, dv: DataView, sector: number): number {
  const perSector = dir.sectorSize / 4;
  const fatSector = dir.fatSectors[Math.floor(sector / perSector)];
  if (fatSector === undefined) return ENDOFCHAIN;
  const off = sectorOffset(dir, fatSector) + (sector % perSector) * 4;
  if (off + 4 > dir.bytes.length) return ENDOFCHAIN;
  return dv.getUint32(off, true);
}

/** Sector numbers of a FAT chain, stopping at a loop, a bad pointer or `maxSectors`. */
function chain(dir: CfbDirectory, dv: DataView, start: number, maxSectors: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const totalSectors = Math.floor(dir.bytes.length / dir.sectorSize) - 1;
  let s = start;
  while (s !== ENDOFCHAIN && s !== FREESECT && s < totalSectors && !seen.has(s) && out.length < maxSectors) {
    seen.add(s);
    out.push(s);
    s = fatNext(dir, dv, s);
  }
  return out;
}

function decodeName(bytes: Uint8Array, off: number, nameLen: number): string {
  const len = Math.min(64, Math.max(0, nameLen - 2));
  let name = "";
  for (let i = 0; i + 1 < len; i += 2) {
    const code = (bytes[off + i] ?? 0) | ((bytes[off + i + 1] ?? 0) << 8);
    if (code === 0) break;
    name += String.fromCharCode(code);
  }
  return name;
}

/** Parses the header, FAT location and directory; undefined when the file is not a readable CFB. */
export function readCfbDirectory(bytes: Uint8Array): CfbDirectory | undefined {
  if (!hasCfbMagic(bytes)) return undefined;
  const dv = view(bytes);
  const shift = dv.getUint16(30, true);
  const miniShift = dv.getUint16(32, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const miniSectorSize = miniShift > 0 && miniShift < shift ? 1 << miniShift : 64;
  const numFat = dv.getUint32(44, true);
  const firstDir = dv.getUint32(48, true);
  const miniCutoff = dv.getUint32(56, true) || 4096;
  const firstMiniFat = dv.getUint32(60, true);
  let difatSector = dv.getUint32(68, true);
  const numDifat = dv.getUint32(72, true);
  // Sector n starts at (n + 1) * sectorSize (the header fills sector -1); count whole ones only.
  const totalSectors = Math.floor(bytes.length / sectorSize) - 1;

  // The first 109 FAT sector numbers are in the header; the rest follow a DIFAT chain.
  const fatSectors: number[] = [];
  const wanted = Math.min(numFat, totalSectors);
  for (let i = 0; i < 109 && fatSectors.length < wanted; i++) {
    const s = dv.getUint32(76 + i * 4, true);
    if (s === FREESECT || s >= totalSectors) break;
    fatSectors.push(s);
  }
  const seenDifat = new Set<number>();
  for (let n = 0; n < numDifat && fatSectors.length < wanted; n++) {
    if (difatSector >= totalSectors || seenDifat.has(difatSector)) break;
    seenDifat.add(difatSector);
    const base = (difatSector + 1) * sectorSize;
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && fatSectors.length < wanted; i++) {
      const s = dv.getUint32(base + i * 4, true);
      if (s !== FREESECT && s < totalSectors) fatSectors.push(s);
    }
    difatSector = dv.getUint32(base + per * 4, true);
  }
  if (fatSectors.length === 0) return undefined;

  const dir: CfbDirectory = {
    bytes,
    sectorSize,
    miniSectorSize,
    miniCutoff,
    entries: [],
    fatSectors,
    firstMiniFat,
  };
  const perSector = sectorSize / 128;
  const dirSectors = chain(dir, dv, firstDir, Math.ceil(MAX_DIR_ENTRIES / perSector));
  for (const s of dirSectors) {
    const base = sectorOffset(dir, s);
    for (let i = 0; i < perSector; i++) {
      const off = base + i * 128;
      if (off + 128 > bytes.length) break;
      const type = bytes[off + 66] ?? 0;
      dir.entries.push({
        id: dir.entries.length,
        name: type === 0 ? "" : decodeName(bytes, off, dv.getUint16(off + 64, true)),
        type,
        left: dv.getUint32(off + 68, true),
        right: dv.getUint32(off + 72, true),
        child: dv.getUint32(off + 76, true),
        start: dv.getUint32(off + 116, true),
        size: dv.getUint32(off + 120, true),
      });
    }
  }
  const root = dir.entries[0];
  if (root?.type !== 5) return undefined;
  return dir;
}

/** The direct children of a storage (the root by default), walking its sibling tree iteratively. */
export function childrenOf(dir: CfbDirectory, storageId = 0): CfbEntry[] {
  const out: CfbEntry[] = [];
  const start = dir.entries[storageId]?.child;
  if (start === undefined || start === NOSTREAM) return out;
  const stack = [start];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (id === NOSTREAM || seen.has(id)) continue;
    const e = dir.entries[id];
    if (!e || e.type === 0) continue;
    seen.add(id);
    out.push(e);
    stack.push(e.left, e.right);
  }
  return out;
}

/** Names of the root storage's direct children. */
export function rootNames(dir: CfbDirectory): Set<string> {
  return new Set(childrenOf(dir).map((e) => e.name));
}

export function findRootEntry(dir: CfbDirectory, name: string): CfbEntry | undefined {
  const lower = name.toLowerCase();
  return childrenOf(dir).find((e) => e.name.toLowerCase() === lower);
}

/** Reads up to `maxBytes` of a stream (regular or mini stream); undefined when its chain is broken. */
export function readCfbStream(dir: CfbDirectory, entry: CfbEntry, maxBytes: number): Uint8Array | undefined {
  const dv = view(dir.bytes);
  const want = Math.min(entry.size, maxBytes);
  const out = new Uint8Array(want);
  let filled = 0;
  if (entry.size >= dir.miniCutoff) {
    for (const s of chain(dir, dv, entry.start, Math.ceil(want / dir.sectorSize))) {
      const off = sectorOffset(dir, s);
      const n = Math.min(dir.sectorSize, want - filled, dir.bytes.length - off);
      if (n <= 0) break;
      out.set(dir.bytes.subarray(off, off + n), filled);
      filled += n;
    }
  } else {
    // Small streams live in the mini stream (the root entry's data), indexed by the mini FAT.
    const root = dir.entries[0];
    if (!root) return undefined;
    const miniStream = chain(dir, dv, root.start, Math.ceil(root.size / dir.sectorSize) + 1);
    const miniFat = chain(dir, dv, dir.firstMiniFat, 1 << 20);
    const perFat = dir.sectorSize / 4;
    const perSector = dir.sectorSize / dir.miniSectorSize;
    const miniNext = (m: number): number => {
      const fs = miniFat[Math.floor(m / perFat)];
      if (fs === undefined) return ENDOFCHAIN;
      const off = sectorOffset(dir, fs) + (m % perFat) * 4;
      return off + 4 <= dir.bytes.length ? dv.getUint32(off, true) : ENDOFCHAIN;
    };
    const seen = new Set<number>();
    let m = entry.start;
    while (filled < want && m !== ENDOFCHAIN && m !== FREESECT && !seen.has(m)) {
      seen.add(m);
      const big = miniStream[Math.floor(m / perSector)];
      if (big === undefined) break;
      const off = sectorOffset(dir, big) + (m % perSector) * dir.miniSectorSize;
      const n = Math.min(dir.miniSectorSize, want - filled, dir.bytes.length - off);
      if (n <= 0) break;
      out.set(dir.bytes.subarray(off, off + n), filled);
      filled += n;
      m = miniNext(m);
    }
  }
  return filled === want ? out : out.subarray(0, filled);
}
