import { readFile, stat } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { createInflateRaw } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { describeError, type ExceptionInput } from "../../../core/exception.js";
import type { Limits } from "../../../core/limits.js";
import { type ArchiveBudget, createInflateGuard } from "./inflate-guard.js";
import { type LocalMember, scanLocalHeaders } from "./local-header-scan.js";
import { ZipReadError } from "./zip-read-error.js";

/** One file member of an archive (directories are not listed). */
export interface ZipEntryInfo {
  /** 0-based position among the archive's members (central directory order, or file order when recovered). */
  index: number;
  /** Decoded name (UTF-8 flag, Info-ZIP Unicode path, else CP437), exactly as stored: never used as a disk path. */
  name: string;
  compressedSize: number;
  /** As the archive declares it; only ever used to reject early, never to accept. */
  uncompressedSize: number;
  method: number;
  encrypted: boolean;
  /** Set when the member cannot be read at all (encrypted, unsupported compression, damaged). */
  exception?: ExceptionInput;
}

export interface ZipHandle {
  /** File members the archive declares (central directory count less directories seen). */
  declared: number;
  entries: ZipEntryInfo[];
  /** Problems with the archive as a whole (corrupt directory, parts limit). */
  exceptions: ExceptionInput[];
  /** Inflates one member in memory, enforcing the limits. Throws a ZipReadError (with `reason`). */
  readEntry(entry: ZipEntryInfo): Promise<Uint8Array>;
  /** Streams one member, enforcing the same limits; the stream fails with a ZipReadError. */
  streamEntry(entry: ZipEntryInfo): Promise<Readable>;
  close(): Promise<void>;
}

type Backing =
  | { kind: "yauzl"; zip: ZipFile; byIndex: Map<number, Entry> }
  | { kind: "local"; buf: Buffer; byIndex: Map<number, LocalMember> };

const SUPPORTED_METHODS = new Set([0, 8]);
const YAUZL_OPTIONS = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: false,
  validateEntrySizes: false,
} as const;

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function openYauzl(source: string | Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip: ZipFile) => (err ? reject(err) : resolve(zip));
    if (typeof source === "string") yauzl.open(source, YAUZL_OPTIONS, done);
    else yauzl.fromBuffer(toBuffer(source), YAUZL_OPTIONS, done);
  });
}

function decodeName(entry: Entry): string {
  try {
    return yauzl.getFileNameLowLevel(
      entry.generalPurposeBitFlag,
      entry.fileNameRaw,
      entry.extraFields,
      false,
    );
  } catch {
    return entry.fileNameRaw.toString("latin1");
  }
}

/** Reads the central directory one record at a time, stopping after `max` records. */
function listCentralDirectory(
  zip: ZipFile,
  max: number,
): Promise<{ records: Entry[]; error?: unknown; stopped: boolean }> {
  return new Promise((resolve) => {
    const records: Entry[] = [];
    const finish = (extra: { error?: unknown; stopped: boolean }) => {
      zip.removeAllListeners("entry");
      zip.removeAllListeners("end");
      zip.removeAllListeners("error");
      // yauzl may still report an error later; keep a listener so it is never unhandled.
      zip.on("error", () => {});
      resolve({ records, ...extra });
    };
    zip.on("entry", (entry: Entry) => {
      records.push(entry);
      if (records.length >= max) finish({ stopped: true });
      else zip.readEntry();
    });
    zip.on("end", () => finish({ stopped: false }));
    zip.on("error", (error: unknown) => finish({ error, stopped: false }));
    zip.readEntry();
  });
}

function entryException(encrypted: boolean, method: number, where: string): ExceptionInput | undefined {
  if (encrypted) return { reason: "encrypted", detail: `${where} is encrypted`, where };
  if (!SUPPORTED_METHODS.has(method)) {
    return { reason: "unsupported-type", detail: `${where} uses compression method ${method}`, where };
  }
  return undefined;
}

/**
 * Opens a ZIP archive from a path (read on demand) or from bytes. Never throws for a bad
 * archive: a damaged central directory becomes a `corrupt` exception, and the members are
 * then recovered by walking local headers when the archive is small enough to hold in memory.
 */
export async function openZip(source: string | Uint8Array, limits: Limits): Promise<ZipHandle> {
  const exceptions: ExceptionInput[] = [];
  const entries: ZipEntryInfo[] = [];
  const budget: ArchiveBudget = { used: 0, max: limits.maxArchiveBytes };
  let backing: Backing | undefined;
  let declared = 0;

  let zip: ZipFile | undefined;
  let openError: unknown;
  try {
    zip = await openYauzl(source);
  } catch (err) {
    openError = err;
  }

  const fsError =
    !zip && typeof source === "string" && typeof (openError as { code?: unknown })?.code === "string";
  if (zip) {
    const max = limits.maxParts + 1;
    const { records, error, stopped } = await listCentralDirectory(zip, max);
    const byIndex = new Map<number, Entry>();
    let directories = 0;
    for (const record of records.slice(0, limits.maxParts)) {
      const name = decodeName(record);
      if (name.endsWith("/") || name.endsWith("\\")) {
        directories++;
        continue;
      }
      const index = entries.length;
      const where = `entry ${index + 1}`;
      const encrypted = record.isEncrypted();
      const info: ZipEntryInfo = {
        index,
        name,
        compressedSize: record.compressedSize,
        uncompressedSize: record.uncompressedSize,
        method: record.compressionMethod,
        encrypted,
      };
      const ex = entryException(encrypted, record.compressionMethod, where);
      if (ex) info.exception = ex;
      entries.push(info);
      byIndex.set(index, record);
    }
    declared = Math.max(0, zip.entryCount - directories);
    if (stopped && records.length > limits.maxParts) {
      exceptions.push({
        reason: "parts-limit",
        detail: `archive declares ${zip.entryCount} entries; only the first ${limits.maxParts} were read`,
      });
    }
    if (error !== undefined) {
      exceptions.push({
        reason: "corrupt",
        detail: `central directory is damaged after ${records.length} of ${zip.entryCount} entries: ${describeError(error)}`,
      });
    }
    if (error === undefined || entries.length > 0) {
      backing = { kind: "yauzl", zip, byIndex };
    } else {
      zip.close();
      openError = error;
    }
  } else if (fsError) {
    // The file itself could not be read (missing, no permission): there is nothing to recover from.
    exceptions.push({ reason: "read-error", detail: describeError(openError) });
  } else {
    exceptions.push({
      reason: "corrupt",
      detail: `archive could not be opened: ${describeError(openError)}`,
    });
  }

  if (!backing && !fsError) {
    // Fall back to the local headers, the way streaming unzippers read damaged archives.
    const recovered = await recoverFromLocalHeaders(source, limits, exceptions);
    if (recovered) {
      const byIndex = new Map<number, LocalMember>();
      let count = 0;
      for (const m of recovered) {
        if (m.name.endsWith("/") || m.name.endsWith("\\")) continue;
        count++;
        if (entries.length >= limits.maxParts) continue;
        const index = entries.length;
        const where = `entry ${index + 1}`;
        const encrypted = (m.flags & 0x01) !== 0;
        const info: ZipEntryInfo = {
          index,
          name: m.name,
          compressedSize: m.compressedSize,
          uncompressedSize: m.uncompressedSize,
          method: m.method,
          encrypted,
        };
        const ex = m.problem ? { ...m.problem, where } : entryException(encrypted, m.method, where);
        if (ex) info.exception = ex;
        entries.push(info);
        byIndex.set(index, m);
      }
      if (count > limits.maxParts) {
        exceptions.push({
          reason: "parts-limit",
          detail: `archive holds more than ${limits.maxParts} members; the rest were not read`,
        });
      }
      declared = Math.max(declared, count);
      backing = { kind: "local", buf: recovered.buf, byIndex };
    }
  }

  const open = async (entry: ZipEntryInfo): Promise<Readable> => {
    if (entry.exception) throw new ZipReadError(entry.exception.reason, entry.exception.detail);
    const where = `entry ${entry.index + 1}`;
    if (entry.uncompressedSize > limits.maxItemBytes) {
      throw new ZipReadError(
        "size-limit",
        `${where} declares ${entry.uncompressedSize} bytes, over the ${limits.maxItemBytes} byte limit`,
      );
    }
    const raw = await rawStream(backing, entry, where);
    // Inflate here rather than in yauzl so the compressed bytes fed in can be counted: the
    // ratio is checked against what was actually consumed so far, which stops a bomb early.
    let consumed = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        consumed += chunk.length;
        done(null, chunk);
      },
    });
    const guard = createInflateGuard({
      where,
      maxBytes: limits.maxItemBytes,
      compressedSoFar: () => consumed,
      maxRatio: limits.maxCompressionRatio,
      budget,
      declaredSize: entry.uncompressedSize,
    });
    const fail = (err: unknown) =>
      guard.destroy(
        err instanceof ZipReadError ? err : new ZipReadError("corrupt", `${where}: ${describeError(err)}`),
      );
    raw.on("error", fail);
    const stages: Readable[] = [raw];
    raw.pipe(counter);
    if (entry.method === 8) {
      const inflate = createInflateRaw();
      inflate.on("error", fail);
      counter.pipe(inflate);
      stages.push(counter, inflate);
      inflate.pipe(guard);
    } else {
      stages.push(counter);
      counter.pipe(guard);
    }
    guard.on("close", () => {
      for (const s of stages) s.destroy();
    });
    return guard;
  };

  return {
    declared,
    entries,
    exceptions,
    streamEntry: open,
    async readEntry(entry) {
      const stream = await open(entry);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      return Buffer.concat(chunks, size);
    },
    async close() {
      if (backing?.kind === "yauzl") backing.zip.close();
    },
  };
}

async function rawStream(
  backing: Backing | undefined,
  entry: ZipEntryInfo,
  where: string,
): Promise<Readable> {
  if (!backing) throw new ZipReadError("corrupt", `${where}: archive is not readable`);
  if (backing.kind === "local") {
    const m = backing.byIndex.get(entry.index);
    if (!m) throw new ZipReadError("corrupt", `${where}: member not found`);
    return Readable.from([backing.buf.subarray(m.dataStart, m.dataStart + m.compressedSize)]);
  }
  const record = backing.byIndex.get(entry.index);
  if (!record) throw new ZipReadError("corrupt", `${where}: member not found`);
  const zip = backing.zip;
  return new Promise((resolve, reject) => {
    zip.openReadStream(record, { decodeFileData: false }, (err, stream) => {
      if (err || !stream) reject(new ZipReadError("corrupt", `${where}: ${describeError(err)}`));
      else resolve(stream);
    });
  });
}

/** Reads the whole archive (when small enough) and walks its local headers. */
async function recoverFromLocalHeaders(
  source: string | Uint8Array,
  limits: Limits,
  exceptions: ExceptionInput[],
): Promise<(LocalMember[] & { buf: Buffer }) | undefined> {
  let buf: Buffer;
  try {
    if (typeof source === "string") {
      const size = (await stat(source)).size;
      if (size > limits.maxItemBytes) {
        exceptions.push({
          reason: "size-limit",
          detail: `damaged archive of ${size} bytes is too large to recover members from`,
        });
        return undefined;
      }
      buf = await readFile(source);
    } else {
      buf = toBuffer(source);
    }
  } catch (err) {
    exceptions.push({ reason: "read-error", detail: describeError(err) });
    return undefined;
  }
  const members = scanLocalHeaders(buf, limits);
  return Object.assign(members, { buf });
}
