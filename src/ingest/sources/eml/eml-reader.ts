import { readFile, stat } from "node:fs/promises";
import { describeError } from "../../../core/exception.js";
import { seg } from "../../../core/provenance.js";
import { parseMime } from "../../mime/parse-mime.js";
import type { ReadOptions, SourceEvent, SourceReader, SourceSummary } from "../types.js";

const FROM_SPACE = Buffer.from("From ");

/**
 * Some mail clients save single messages with the MBOX separator line ("From sender date")
 * on top. It is not a header ("From:" has a colon), so it is dropped before parsing.
 */
export function withoutMboxLine(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 5 || Buffer.compare(bytes.subarray(0, 5), FROM_SPACE) !== 0) return bytes;
  const nl = bytes.indexOf(0x0a);
  return nl < 0 ? bytes : bytes.subarray(nl + 1);
}

/** Reads one .eml file as a single message at path `msg:1`. */
export const emlReader: SourceReader = {
  async *read(path: string, options: ReadOptions): AsyncGenerator<SourceEvent, SourceSummary, void> {
    const at = [seg.msg(1)];
    const summary: SourceSummary = { declared: 1, format: "eml" };
    if (options.isDone?.(at)) return summary;
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (err) {
      yield { type: "exception", path: at, exception: { reason: "read-error", detail: describeError(err) } };
      return summary;
    }
    if (size > options.limits.maxMessageBytes) {
      yield {
        type: "exception",
        path: at,
        exception: {
          reason: "size-limit",
          detail: `message is ${size} bytes, over the ${options.limits.maxMessageBytes} byte limit`,
        },
      };
      return summary;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path, options.signal ? { signal: options.signal } : {});
    } catch (err) {
      yield { type: "exception", path: at, exception: { reason: "read-error", detail: describeError(err) } };
      return summary;
    }
    const body = withoutMboxLine(bytes);
    if (options.deferParsing) yield { type: "raw-message", path: at, bytes: body };
    else yield { type: "message", path: at, message: await parseMime(body, options.limits) };
    return summary;
  },
};
