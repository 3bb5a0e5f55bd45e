import { createHash, type Hash } from "node:crypto";
import type { MailMessage } from "../core/mail.js";

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function feed(hash: Hash, msg: MailMessage): void {
  const h = msg.headers;
  hash.update(
    JSON.stringify([
      msg.messageClass,
      h.messageId ?? "",
      h.from ?? "",
      h.to,
      h.cc,
      h.bcc,
      h.date ?? "",
      h.subject ?? "",
      msg.bodyText ?? "",
      msg.bodyHtml ?? "",
      msg.bodyRtf ?? "",
      msg.fields,
      msg.attachments.length,
    ]),
  );
  for (const a of msg.attachments) {
    hash.update(`\u0000${a.name ?? ""}\u0000`);
    if (a.bytes) hash.update(a.bytes);
    else if (a.message) feed(hash, a.message);
  }
}

/**
 * A message's content hash: the same message found in two mailboxes (or twice in one) hashes
 * the same although transport details differ, because only the envelope fields, bodies and
 * attachment bytes count. Together with the Message-ID it identifies duplicates.
 */
export function messageContentHash(msg: MailMessage): string {
  const hash = createHash("sha256");
  feed(hash, msg);
  return hash.digest("hex");
}

/** Approximate bytes a message carries (bodies and attachments), for throughput and memory accounting. */
export function messageSize(msg: MailMessage): number {
  let n = (msg.bodyText?.length ?? 0) + (msg.bodyHtml?.length ?? 0) + (msg.bodyRtf?.length ?? 0);
  for (const a of msg.attachments) n += a.bytes ? a.bytes.byteLength : a.message ? messageSize(a.message) : 0;
  return n;
}
