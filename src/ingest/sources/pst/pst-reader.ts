import type { ExceptionInput } from "../../../core/exception.js";
import { describeError } from "../../../core/exception.js";
import type { MailMessage } from "../../../core/mail.js";
import type { Segment } from "../../../core/provenance.js";
import { seg } from "../../../core/provenance.js";
import type { ReadOptions, SourceEvent, SourceReader, SourceSummary } from "../types.js";
import { NidSet } from "./messaging/nid-set.js";
import type { PstMessage } from "./messaging/pst-message.js";
import { hex, PstError, toException } from "./ndb/pst-error.js";
import type { PstFile } from "./pst-file.js";
import { openPst } from "./pst-file.js";
import { pstMessageToMail } from "./to-mail.js";

/** The folder under which messages that no folder lists are reported. */
export const ORPHANS_FOLDER = "(not in any folder)";

function* messageEvents(
  file: PstFile,
  msgPath: Segment[],
  nid: number,
  options: ReadOptions,
): Generator<SourceEvent> {
  if (options.isDone?.(msgPath)) return;
  let msg: PstMessage;
  try {
    msg = file.readMessage(nid);
  } catch (err) {
    yield { type: "exception", path: msgPath, exception: toException(err, `message ${hex(nid)}`) };
    return;
  }
  let message: MailMessage;
  try {
    message = pstMessageToMail(msg);
  } catch (err) {
    // The structure was read; the shared conversion failed on it.
    const exception: ExceptionInput = {
      reason: "extract-failed",
      detail: describeError(err),
      where: `message ${hex(nid)}`,
    };
    yield { type: "exception", path: msgPath, exception };
    return;
  }
  yield { type: "message", path: msgPath, message };
}

/**
 * Message nodes that exist in the file but that no contents table lists (a lost folder or
 * row) are still evidence: they are yielded under a folder of their own. Returns their count.
 */
function* orphans(file: PstFile, seen: NidSet, options: ReadOptions): Generator<SourceEvent, number> {
  const o = file.orphanMessages(seen);
  if (o.count === 0 && o.exceptions.length === 0) return 0;
  const folderPath = [seg.folder(ORPHANS_FOLDER)];
  yield {
    type: "folder",
    path: folderPath,
    name: ORPHANS_FOLDER,
    declared: o.count,
    ...(o.exceptions.length > 0 ? { exceptions: o.exceptions } : {}),
  };
  for (const nid of o.nids()) {
    if (options.signal?.aborted) break;
    yield* messageEvents(file, [...folderPath, seg.msg(nid)], nid, options);
  }
  return o.count;
}

/**
 * Streams a PST/OST: each folder (depth-first from the root) is yielded before its messages.
 * Every contents-table row ends as a `message` event or an `exception` event, so per folder
 * messages + exceptions = declared. Search folders are yielded with declared 0 (their rows
 * point at messages stored elsewhere). Associated (FAI) items are hidden configuration (views,
 * rules, forms), not mail: they are counted by openPst() but neither declared nor read.
 * Message nodes that no folder lists come last, under the folder ORPHANS_FOLDER.
 */
export const pstReader: SourceReader = {
  async *read(path: string, options: ReadOptions): AsyncGenerator<SourceEvent, SourceSummary, void> {
    let file: PstFile;
    try {
      file = openPst(path, { limits: options.limits });
    } catch (err) {
      const exception: ExceptionInput =
        err instanceof PstError
          ? { reason: err.reason, detail: err.message }
          : { reason: "read-error", detail: describeError(err) };
      yield { type: "exception", path: [], exception };
      return { declared: 0 };
    }
    let declared = 0;
    const seen = new NidSet();
    try {
      // A first pass over the hierarchy (cheap next to the messages) gives the total for progress.
      let total = 0;
      let done = 0;
      if (options.onProgress) for (const f of file.folders()) total += f.declared;
      const tick = () => {
        done++;
        if (total > 0 && done % 64 === 0) options.onProgress?.(Math.min(1, done / total));
      };
      const fileExceptions = file.exceptions;
      let first = true;
      for (const folder of file.folders()) {
        if (options.signal?.aborted) break;
        const folderPath: Segment[] = folder.path.map((n) => seg.folder(n));
        const exceptions = first ? [...fileExceptions, ...folder.exceptions] : folder.exceptions;
        first = false;
        yield {
          type: "folder",
          path: folderPath,
          name: folder.path[folder.path.length - 1] ?? "",
          declared: folder.declared,
          ...(exceptions.length > 0 ? { exceptions } : {}),
        };
        declared += folder.declared;
        for (const row of file.contentRows(folder)) {
          if ("nid" in row) seen.add(row.nid);
          if ("exception" in row) {
            yield {
              type: "exception",
              path: [...folderPath, seg.msg(`row-${row.index}`)],
              exception: row.exception,
            };
            continue;
          }
          yield* messageEvents(file, [...folderPath, seg.msg(row.nid)], row.nid, options);
          tick();
          if (options.signal?.aborted) break;
        }
      }
      if (!options.signal?.aborted) declared += yield* orphans(file, seen, options);
      return { declared, format: file.format };
    } finally {
      file.close();
    }
  },
};
