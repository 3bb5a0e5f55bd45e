import type { ItemKind, ItemNode } from "../core/item.js";
import type { Limits } from "../core/limits.js";
import type { MailMessage } from "../core/mail.js";
import { buildFileNode, buildMessageNode } from "./build-node.js";
import { ExtractCache } from "./extract-cache.js";
import type { Toolkit } from "./toolkit-types.js";

/** One top-level entry of a source, sent to a worker to be turned into an item tree. */
export type EntryJob =
  | {
      type: "message";
      provenance: string;
      kind: ItemKind;
      message: MailMessage;
      limits: Limits;
      ocr: boolean;
    }
  | { type: "file"; provenance: string; name: string; bytes: Uint8Array; limits: Limits; ocr: boolean }
  /** An RFC 822 message the reader left unparsed, so that parsing too runs on the workers. */
  | { type: "raw-message"; provenance: string; bytes: Uint8Array; limits: Limits; ocr: boolean };

/** One cache per thread: each worker thread loads this module once. */
const cache = new ExtractCache(16 * 1024 * 1024);

export function runEntryJob(job: EntryJob, toolkit: Toolkit): Promise<ItemNode> {
  const ctx = { toolkit, limits: job.limits, ocr: job.ocr, cache };
  if (job.type === "message") return buildMessageNode(job.message, job.provenance, job.kind, 0, ctx);
  if (job.type === "raw-message") return buildRawMessage(job.bytes, job.provenance, ctx, toolkit, job.limits);
  return buildFileNode(job.bytes, job.provenance, "file", 0, ctx, job.name);
}

async function buildRawMessage(
  bytes: Uint8Array,
  provenance: string,
  ctx: Parameters<typeof buildMessageNode>[4],
  toolkit: Toolkit,
  limits: Limits,
): Promise<ItemNode> {
  const message = await toolkit.parseMessage(bytes, "message/rfc822", limits, 0);
  return buildMessageNode(message, provenance, message.kind, 0, ctx);
}
