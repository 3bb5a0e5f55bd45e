import { constants, deflateRawSync } from "node:zlib";

/** A member for buildZip: raw (already compressed) data and the header fields to write. */
export interface BuildMember {
  name: string | Buffer;
  /** Stored bytes, or compressed bytes when `method` is 8 and `compressed` is set. */
  data: Buffer;
  method?: number;
  compressed?: boolean;
  flags?: number;
  /** Overrides the uncompressed size written in the headers (to lie about it). */
  declaredSize?: number;
}

/**
 * Writes a minimal ZIP archive (local headers, central directory, end record) for tests.
 * CRCs are written as 0: the reader never checks them, and bombs are built without one.
 */
export function buildZip(members: BuildMember[], options: { zip64?: boolean } = {}): Buffer {
  const z64 = options.zip64 === true;
  const FULL = 0xffffffff;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = typeof m.name === "string" ? Buffer.from(m.name, "utf8") : m.name;
    const method = m.method ?? 8;
    const body = method === 8 && !m.compressed ? deflateRawSync(m.data) : m.data;
    const size = m.declaredSize ?? (m.compressed ? 0 : m.data.length);
    const flags = m.flags ?? (typeof m.name === "string" ? 0x0800 : 0);
    // ZIP64: the 32-bit fields are saturated and the real values live in extra field 0x0001.
    const localExtra = z64 ? zip64Extra([size, body.length]) : Buffer.alloc(0);
    const centralExtra = z64 ? zip64Extra([size, body.length, offset]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(z64 ? FULL : body.length, 18);
    local.writeUInt32LE(z64 ? FULL : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    locals.push(local, name, localExtra, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(z64 ? FULL : body.length, 20);
    central.writeUInt32LE(z64 ? FULL : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(z64 ? FULL : offset, 42);
    centrals.push(central, name, centralExtra);
    offset += local.length + name.length + localExtra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(z64 ? 0xffff : members.length, 8);
  end.writeUInt16LE(z64 ? 0xffff : members.length, 10);
  end.writeUInt32LE(z64 ? FULL : cd.length, 12);
  end.writeUInt32LE(z64 ? FULL : offset, 16);
  if (!z64) return Buffer.concat([...locals, cd, end]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(members.length), 24);
  record.writeBigUInt64LE(BigInt(members.length), 32);
  record.writeBigUInt64LE(BigInt(cd.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...locals, cd, record, locator, end]);
}

function zip64Extra(values: number[]): Buffer {
  const b = Buffer.alloc(4 + 8 * values.length);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(8 * values.length, 2);
  for (const [i, v] of values.entries()) b.writeBigUInt64LE(BigInt(v), 4 + 8 * i);
  return b;
}

/**
 * A raw deflate stream of `megabytes` MiB of zeros, built by repeating one sync-flushed
 * block run: about 1 KiB of output per MiB, without ever holding the inflated data.
 */
export function deflatedZeros(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const final = Buffer.from([0x03, 0x00]);
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), final]);
}
