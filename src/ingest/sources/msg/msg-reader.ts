import { readFile, stat } from "node:fs/promises";
import { describeError } from "../../../core/exception.js";
import { seg } from "../../../core/provenance.js";
import type { SourceEvent, SourceReader, SourceSummary } from "../types.js";
import { parseMsg } from "./parse-msg.js";

/** Reads one .msg file as a source holding a single message at path `msg:1`. */
export const msgReader: SourceReader = {
  async *read(path, options): AsyncGenerator<SourceEvent, SourceSummary, void> {
    const at = [seg.msg(1)];
    const summary: SourceSummary = { declared: 1, format: "msg" };
    if (options.isDone?.(at) || options.signal?.aborted) return summary;
    let bytes: Uint8Array;
    try {
      const size = (await stat(path)).size;
      if (size > options.limits.maxMessageBytes) {
        yield {
          type: "exception",
          path: at,
          exception: {
            reason: "size-limit",
            detail: `message file is ${size} bytes, over the limit of ${options.limits.maxMessageBytes}`,
          },
        };
        return summary;
      }
      bytes = await readFile(path);
    } catch (err) {
      yield { type: "exception", path: at, exception: { reason: "read-error", detail: describeError(err) } };
      return summary;
    }
    try {
      yield { type: "message", path: at, message: parseMsg(bytes, options.limits) };
    } catch (err) {
      yield { type: "exception", path: at, exception: { reason: "corrupt", detail: describeError(err) } };
    }
    return summary;
  },
};
