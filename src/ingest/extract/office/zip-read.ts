import yauzl from "yauzl";
import { describeError, type ExceptionInput } from "../../../core/exception.js";
import type { Limits } from "../../../core/limits.js";

export interface ZipReadResult {
  /** Selected entries' inflated bytes, by entry name. */
  entries: Map<string, Buffer>;
  /** Every entry name in the archive (selected or not), in directory order. */
  names: string[];
  exceptions: ExceptionInput[];
  /** False when the archive could not be opened at all. */
  opened: boolean;
  /** Sum of the uncompressed sizes the directory declares for all entries seen. */
  declaredBytes: number;
}

// Entries below this size are never treated as bombs: small XML parts compress extremely well.
const RATIO_FLOOR_BYTES = 1024 * 1024;

function open(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buf,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, zf) => (err || !zf ? reject(err ?? new Error("no zip")) : resolve(zf)),
    );
  });
}

async function readEntry(zf: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const stream = await zf.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Reads the entries of an Office package (DOCX, XLSX, ODT…) that `select` picks, inflating
 * each in memory within the item and ratio limits. Damage is reported, never thrown:
 * whatever entries were read before the damage are returned.
 */
export async function readZipEntries(
  bytes: Uint8Array,
  select: (name: string) => boolean,
  limits: Limits,
): Promise<ZipReadResult> {
  const result: ZipReadResult = {
    entries: new Map(),
    names: [],
    exceptions: [],
    opened: false,
    declaredBytes: 0,
  };
  let zf: yauzl.ZipFile;
  try {
    zf = await open(bytes);
  } catch (err) {
    result.exceptions.push({
      reason: "corrupt",
      detail: `not a readable zip package: ${describeError(err)}`,
    });
    return result;
  }
  result.opened = true;
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zf.on("error", reject);
      zf.on("end", () => resolve());
      zf.on("entry", (entry: yauzl.Entry) => {
        const name = entry.fileName;
        result.names.push(name);
        result.declaredBytes += entry.uncompressedSize;
        if (result.names.length > limits.maxParts) {
          result.exceptions.push({
            reason: "parts-limit",
            detail: `package has more than ${limits.maxParts} parts`,
          });
          resolve();
          return;
        }
        if (!select(name) || name.endsWith("/")) {
          zf.readEntry();
          return;
        }
        const where = `part ${name}`;
        const size = entry.uncompressedSize;
        const ratio = size / Math.max(1, entry.compressedSize);
        if (entry.isEncrypted()) {
          result.exceptions.push({ reason: "encrypted", detail: "package part is encrypted", where });
        } else if (size > limits.maxItemBytes || total + size > limits.maxArchiveBytes) {
          result.exceptions.push({ reason: "size-limit", detail: `package part of ${size} bytes`, where });
        } else if (size > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
          result.exceptions.push({
            reason: "ratio-limit",
            detail: `compression ratio ${Math.round(ratio)}`,
            where,
          });
        } else {
          total += size;
          readEntry(zf, entry).then(
            (data) => {
              result.entries.set(name, data);
              zf.readEntry();
            },
            (err) => {
              result.exceptions.push({
                reason: "corrupt",
                detail: `part unreadable: ${describeError(err)}`,
                where,
              });
              zf.readEntry();
            },
          );
          return;
        }
        zf.readEntry();
      });
      zf.readEntry();
    });
  } catch (err) {
    result.exceptions.push({ reason: "corrupt", detail: `zip directory damaged: ${describeError(err)}` });
  } finally {
    zf.close();
  }
  return result;
}
