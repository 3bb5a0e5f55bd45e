import type { ExceptionInput } from "../../core/exception.js";

/**
 * Decompressor for Outlook's compressed RTF (PidTagRtfCompressed), per [MS-OXRTFCP]: a
 * 16-byte header followed by LZ77-style tokens over a 4 KiB ring dictionary that starts
 * pre-filled with common RTF words.
 */

const COMPRESSED = 0x75465a4c; // "LZFu"
const UNCOMPRESSED = 0x414c454d; // "MELA"
const HEADER_BYTES = 16;
const DICT_SIZE = 4096;

const INITIAL_DICTIONARY =
  "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript " +
  "\\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par " +
  "\\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

let crcTable: Uint32Array | undefined;

function table(): Uint32Array {
  if (crcTable) return crcTable;
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  crcTable = t;
  return t;
}

/** The CRC the format uses: CRC-32 polynomial, but starting from 0 with no final inversion. */
export function compressedRtfCrc(bytes: Uint8Array): number {
  const t = table();
  let crc = 0;
  for (const b of bytes) crc = (t[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return crc >>> 0;
}

export interface DecompressedRtf {
  /** The RTF bytes (possibly partial when the input is damaged). */
  bytes: Uint8Array;
  exceptions: ExceptionInput[];
}

/**
 * Decompresses PidTagRtfCompressed. Never throws: damage is reported as exceptions and
 * whatever could be recovered is returned. Output is capped at `maxBytes`.
 */
export function decompressRtf(input: Uint8Array, maxBytes = 256 * 1024 * 1024): DecompressedRtf {
  const exceptions: ExceptionInput[] = [];
  if (input.length < HEADER_BYTES) {
    return {
      bytes: new Uint8Array(0),
      exceptions: [{ reason: "truncated", detail: "compressed RTF header is shorter than 16 bytes" }],
    };
  }
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const compSize = view.getUint32(0, true);
  const rawSize = view.getUint32(4, true);
  const compType = view.getUint32(8, true);
  const crc = view.getUint32(12, true);

  // COMPSIZE counts everything after itself, so the data ends at compSize + 4.
  let end = compSize + 4;
  if (end > input.length) {
    exceptions.push({
      reason: "truncated",
      detail: `compressed RTF declares ${compSize + 4} bytes but holds ${input.length}`,
    });
    end = input.length;
  }
  const data = input.subarray(HEADER_BYTES, Math.max(HEADER_BYTES, end));

  if (compType === UNCOMPRESSED) {
    const n = Math.min(rawSize, data.length, maxBytes);
    if (rawSize > data.length) {
      exceptions.push({ reason: "truncated", detail: "uncompressed RTF is shorter than its declared size" });
    }
    return { bytes: data.slice(0, n), exceptions };
  }
  if (compType !== COMPRESSED) {
    return {
      bytes: new Uint8Array(0),
      exceptions: [
        { reason: "corrupt", detail: `compressed RTF has unknown type 0x${compType.toString(16)}` },
      ],
    };
  }

  const actualCrc = compressedRtfCrc(data);
  if (actualCrc !== crc) {
    exceptions.push({ reason: "corrupt", detail: "compressed RTF CRC mismatch" });
  }

  // Each 2-byte reference yields at most 17 bytes, so output is bounded by ~9x the input.
  const cap = Math.min(maxBytes, rawSize, data.length * 9 + 64);
  const out = new Uint8Array(cap);
  let outLen = 0;
  const dict = new Uint8Array(DICT_SIZE);
  for (let i = 0; i < INITIAL_DICTIONARY.length; i++) dict[i] = INITIAL_DICTIONARY.charCodeAt(i);
  let writePos = INITIAL_DICTIONARY.length;

  let pos = 0;
  let ended = false;
  let capped = false;
  outer: while (pos < data.length) {
    const control = data[pos++] as number;
    for (let bit = 0; bit < 8; bit++) {
      if (pos >= data.length) break outer;
      if ((control & (1 << bit)) === 0) {
        const b = data[pos++] as number;
        if (outLen >= cap) {
          capped = true;
          break outer;
        }
        out[outLen++] = b;
        dict[writePos] = b;
        writePos = (writePos + 1) % DICT_SIZE;
        continue;
      }
      if (pos + 1 >= data.length) {
        pos = data.length;
        break outer;
      }
      const ref = ((data[pos] as number) << 8) | (data[pos + 1] as number);
      pos += 2;
      const offset = ref >>> 4;
      const length = (ref & 0xf) + 2;
      if (offset === writePos) {
        ended = true;
        break outer;
      }
      for (let i = 0; i < length; i++) {
        const b = dict[(offset + i) % DICT_SIZE] as number;
        if (outLen >= cap) {
          capped = true;
          break outer;
        }
        out[outLen++] = b;
        dict[writePos] = b;
        writePos = (writePos + 1) % DICT_SIZE;
      }
    }
  }

  if (capped && cap === rawSize) {
    exceptions.push({
      reason: "corrupt",
      detail: `compressed RTF holds more than its declared ${rawSize} bytes`,
    });
  } else if (capped && cap < rawSize) {
    exceptions.push({
      reason: cap === maxBytes ? "size-limit" : "corrupt",
      detail: `compressed RTF output stopped at ${cap} of ${rawSize} declared bytes`,
    });
  } else if (!ended && !capped && outLen < rawSize) {
    exceptions.push({
      reason: "truncated",
      detail: `compressed RTF ended after ${outLen} of ${rawSize} declared bytes`,
    });
  }
  return { bytes: out.slice(0, outLen), exceptions };
}
