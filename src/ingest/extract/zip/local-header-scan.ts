import { inflateRawSync } from "node:zlib";
import { getFileNameLowLevel, parseExtraFields } from "yauzl";

/** A member found by walking local file headers, for archives whose central directory is broken. */
export interface LocalMember {
  name: string;
  flags: number;
  method: number;
  dataStart: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Set when the member's data could not be delimited; the reason is `truncated` or `corrupt`. */
  problem?: { reason: "truncated" | "corrupt"; detail: string };
}

const LOCAL_SIG = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const DESCRIPTOR_SIG = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

function decodeName(flags: number, raw: Buffer, extra: Buffer): string {
  try {
    return getFileNameLowLevel(flags, raw, parseExtraFields(extra), false);
  } catch {
    return raw.toString("latin1");
  }
}

/** Reads ZIP64 sizes from a local header's extra field when the 32-bit fields are saturated. */
function zip64Sizes(extra: Buffer, uncompressed: number, compressed: number): [number, number] {
  let fields: { id: number; data: Buffer }[] = [];
  try {
    fields = parseExtraFields(extra);
  } catch {
    return [uncompressed, compressed];
  }
  const z = fields.find((f) => f.id === 0x0001);
  if (!z) return [uncompressed, compressed];
  let pos = 0;
  const next = () => {
    if (pos + 8 > z.data.length) return undefined;
    const v = Number(z.data.readBigUInt64LE(pos));
    pos += 8;
    return v;
  };
  const u = uncompressed === 0xffffffff ? (next() ?? uncompressed) : uncompressed;
  const c = compressed === 0xffffffff ? (next() ?? compressed) : compressed;
  return [u, c];
}

/**
 * Walks the archive from the front, header by header, the way a streaming unzipper does.
 * Used only when the central directory cannot be read. Every length comes from the file,
 * so each is checked against the buffer before use; deflated members with no stored size
 * are delimited by inflating them with an output cap.
 */
export function scanLocalHeaders(
  buf: Buffer,
  limits: { maxParts: number; maxItemBytes: number },
): LocalMember[] {
  const members: LocalMember[] = [];
  let pos = buf.indexOf(LOCAL_SIG);
  while (pos >= 0 && members.length < limits.maxParts + 1) {
    if (pos + 30 > buf.length) break;
    const flags = buf.readUInt16LE(pos + 6);
    const method = buf.readUInt16LE(pos + 8);
    let compressedSize = buf.readUInt32LE(pos + 18);
    let uncompressedSize = buf.readUInt32LE(pos + 22);
    const nameLen = buf.readUInt16LE(pos + 26);
    const extraLen = buf.readUInt16LE(pos + 28);
    const nameEnd = pos + 30 + nameLen;
    const dataStart = nameEnd + extraLen;
    if (dataStart > buf.length) break;
    const extra = buf.subarray(nameEnd, dataStart);
    const name = decodeName(flags, buf.subarray(pos + 30, nameEnd), extra);
    [uncompressedSize, compressedSize] = zip64Sizes(extra, uncompressedSize, compressedSize);
    const member: LocalMember = { name, flags, method, dataStart, compressedSize, uncompressedSize };
    const sizesDeferred = (flags & 0x08) !== 0 && compressedSize === 0;

    if (sizesDeferred && method === 8 && (flags & 0x01) === 0) {
      try {
        const { engine } = inflateRawSync(buf.subarray(dataStart), {
          info: true,
          maxOutputLength: limits.maxItemBytes + 1,
        }) as unknown as { engine: { bytesWritten: number }; buffer: Buffer };
        member.compressedSize = engine.bytesWritten;
        member.uncompressedSize = 0;
      } catch {
        member.problem = { reason: "corrupt", detail: "member data could not be delimited (no stored size)" };
      }
    } else if (sizesDeferred) {
      const d = buf.indexOf(DESCRIPTOR_SIG, dataStart);
      if (d < 0) member.problem = { reason: "truncated", detail: "member has no data descriptor" };
      else member.compressedSize = d - dataStart;
    }
    if (!member.problem && dataStart + member.compressedSize > buf.length) {
      member.problem = { reason: "truncated", detail: "member data runs past the end of the archive" };
    }
    members.push(member);
    const resume = member.problem ? dataStart : dataStart + member.compressedSize;
    pos = buf.indexOf(LOCAL_SIG, Math.max(resume, pos + 4));
  }
  return members;
}
