import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { describeError } from "../../../core/exception.js";
import { seg } from "../../../core/provenance.js";
import { parseMime } from "../../mime/parse-mime.js";
import type { ReadOptions, SourceEvent, SourceReader, SourceSummary } from "../types.js";
import { type MboxPiece, MboxSplitter } from "./mbox-splitter.js";
import { unescapeFromLines } from "./unescape-from.js";

const CHUNK_BYTES = 1024 * 1024;

async function isGzip(path: string): Promise<boolean> {
  if (path.toLowerCase().endsWith(".gz")) return true;
  const fh = await open(path, "r");
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

async function* pieceEvents(piece: MboxPiece, options: ReadOptions): AsyncGenerator<SourceEvent> {
  const path = [seg.msg(piece.ordinal)];
  if (piece.skipped) return;
  if (piece.oversize || !piece.bytes) {
    yield {
      type: "exception",
      path,
      exception: {
        reason: "size-limit",
        detail: `message ${piece.ordinal} is over the ${options.limits.maxMessageBytes} byte limit`,
      },
    };
    return;
  }
  const bytes = unescapeFromLines(piece.bytes);
  if (options.deferParsing) {
    // A copy of just this message, so that handing it to a worker does not copy the read buffer.
    yield { type: "raw-message", path, bytes: Uint8Array.prototype.slice.call(bytes) };
    return;
  }
  yield { type: "message", path, message: await parseMime(bytes, options.limits) };
}

/**
 * Streams an MBOX file (mboxo/mboxrd, Thunderbird, Google Takeout; plain or gzip), one
 * message at a time. Messages are numbered from 1 in file order (`msg:n`), which is stable
 * from run to run.
 */
export const mboxReader: SourceReader = {
  async *read(path: string, options: ReadOptions): AsyncGenerator<SourceEvent, SourceSummary, void> {
    const isDone = options.isDone;
    const splitter = new MboxSplitter({
      maxMessageBytes: options.limits.maxMessageBytes,
      ...(isDone ? { skip: (n: number) => isDone([seg.msg(n)]) } : {}),
    });
    let gzip = false;
    let stream: Readable;
    // Progress in bytes of the file on disk (compressed bytes for gzip), read off the file stream.
    let progress: { file: { bytesRead: number }; size: number; last: number } | undefined;
    try {
      gzip = await isGzip(path);
      const file = createReadStream(path, { highWaterMark: CHUNK_BYTES });
      progress = options.onProgress ? { file, size: (await stat(path)).size, last: 0 } : undefined;
      stream = gzip ? file.pipe(createGunzip({ chunkSize: 256 * 1024 })) : file;
      if (gzip) file.on("error", (err) => stream.destroy(err));
    } catch (err) {
      yield {
        type: "exception",
        path: [seg.msg(1)],
        exception: { reason: "read-error", detail: describeError(err) },
      };
      return { declared: 0, format: "mbox" };
    }
    const summary = (): SourceSummary => ({
      declared: splitter.declared,
      format: gzip ? "mbox+gzip" : "mbox",
    });

    try {
      for await (const chunk of stream) {
        if (options.signal?.aborted) {
          stream.destroy();
          return summary();
        }
        for (const piece of splitter.push(chunk as Buffer)) yield* pieceEvents(piece, options);
        if (progress && progress.size > 0 && progress.file.bytesRead - progress.last >= CHUNK_BYTES) {
          progress.last = progress.file.bytesRead;
          options.onProgress?.(Math.min(1, progress.last / progress.size));
        }
      }
    } catch (err) {
      // A damaged gzip stream or a read failure: what was read so far has been yielded; the
      // message in progress is reported rather than parsed from partial bytes.
      const pending = splitter.end();
      const ordinal = pending[0]?.ordinal ?? splitter.declared + 1;
      if (pending.length === 0) splitter.declared++;
      const reason = gzip ? "truncated" : "read-error";
      yield {
        type: "exception",
        path: [seg.msg(ordinal)],
        exception: {
          reason,
          detail: `stream ended with an error in message ${ordinal}: ${describeError(err)}`,
        },
      };
      return summary();
    }
    for (const piece of splitter.end()) yield* pieceEvents(piece, options);
    return summary();
  },
};
