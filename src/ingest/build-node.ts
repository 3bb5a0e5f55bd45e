import { describeError, type ExceptionInput } from "../core/exception.js";
import type { ItemKind, ItemNode } from "../core/item.js";
import type { Limits } from "../core/limits.js";
import type { MailMessage } from "../core/mail.js";
import { seg } from "../core/provenance.js";
import { messageContentHash, messageSize, sha256 } from "./content-hash.js";
import type { ExtractChild } from "./extract/types.js";
import { ExtractCache } from "./extract-cache.js";
import { messageText } from "./message-text.js";
import type { Toolkit } from "./toolkit-types.js";

export interface BuildContext {
  toolkit: Toolkit;
  limits: Limits;
  ocr: boolean;
  /** Extractions of identical documents seen earlier on this thread. */
  cache?: ExtractCache;
}

function child(provenance: string, segment: string): string {
  return `${provenance}/${segment}`;
}

function limitText(text: string, limits: Limits, exceptions: ExceptionInput[]): string {
  if (text.length <= limits.maxTextChars) return text;
  exceptions.push({
    reason: "size-limit",
    detail: `text truncated to ${limits.maxTextChars} of ${text.length} characters`,
  });
  return text.slice(0, limits.maxTextChars);
}

function hasReason(list: ExceptionInput[], reason: ExceptionInput["reason"]): boolean {
  return list.some((x) => x.reason === reason);
}

/** Turns a message (top-level or attached) into an item with its attachments as children. */
export async function buildMessageNode(
  msg: MailMessage,
  provenance: string,
  kind: ItemKind,
  depth: number,
  ctx: BuildContext,
  name?: string,
): Promise<ItemNode> {
  const exceptions: ExceptionInput[] = [...msg.exceptions];
  const unreadable: ItemNode["unreadable"] = [];
  const children: ItemNode[] = [];
  for (let i = 0; i < msg.attachments.length; i++) {
    const att = msg.attachments[i]!;
    const path = child(provenance, seg.att(i + 1, att.name));
    let node: ItemNode | undefined;
    if (depth + 1 > ctx.limits.maxDepth) {
      unreadable.push({
        provenance: path,
        exception: {
          reason: "depth-limit",
          detail: `attachment ${i + 1} is nested deeper than ${ctx.limits.maxDepth}`,
        },
      });
      continue;
    }
    if (att.message) {
      node = await buildMessageNode(att.message, path, "embedded-message", depth + 1, ctx, att.name);
    } else if (att.bytes) {
      node = await buildFileNode(att.bytes, path, "attachment", depth + 1, ctx, att.name, att.mediaType);
    }
    if (node) {
      node.exceptions.unshift(...att.exceptions);
      children.push(node);
    } else {
      const first = att.exceptions[0] ?? {
        reason: "corrupt" as const,
        detail: `attachment ${i + 1} has no content`,
      };
      unreadable.push({ provenance: path, exception: first });
    }
  }
  const declared = msg.declaredAttachments ?? msg.attachments.length;
  const read = children.length + unreadable.length;
  if (declared > read && !hasReason(exceptions, "declared-not-read")) {
    exceptions.push({
      reason: "declared-not-read",
      detail: `${declared} attachments declared, ${read} found`,
    });
  }
  const text = limitText(messageText(msg, ctx.toolkit), ctx.limits, exceptions);
  const node: ItemNode = {
    provenance,
    kind,
    mediaType: msg.messageClass === "rfc822" ? "message/rfc822" : "application/vnd.ms-outlook",
    size: messageSize(msg),
    sha256: messageContentHash(msg),
    text,
    headers: msg.headers,
    declared,
    meta: { messageClass: msg.messageClass },
    exceptions,
    unreadable,
    children,
  };
  const label = name ?? msg.headers.subject;
  if (label !== undefined) node.name = label;
  return node;
}

/** Turns a file's bytes (an attachment, archive member or loose file) into an item, recursing into containers. */
export async function buildFileNode(
  bytes: Uint8Array,
  provenance: string,
  kind: ItemKind,
  depth: number,
  ctx: BuildContext,
  name?: string,
  declaredType?: string,
): Promise<ItemNode> {
  const { toolkit, limits } = ctx;
  const mediaType = toolkit.detectType(bytes, name, declaredType);
  const exceptions: ExceptionInput[] = [];
  const base = (): ItemNode => {
    const n: ItemNode = {
      provenance,
      kind,
      mediaType,
      size: bytes.byteLength,
      sha256: sha256(bytes),
      text: "",
      exceptions,
      unreadable: [],
      children: [],
    };
    if (name !== undefined) n.name = name;
    return n;
  };

  if (bytes.byteLength > limits.maxItemBytes) {
    exceptions.push({
      reason: "size-limit",
      detail: `${bytes.byteLength} bytes exceeds the ${limits.maxItemBytes}-byte limit`,
    });
    return base();
  }

  if (toolkit.isMessageType(mediaType)) {
    try {
      const msg = await toolkit.parseMessage(bytes, mediaType, limits, depth);
      const msgKind: ItemKind = kind === "file" ? "message" : "embedded-message";
      const node = await buildMessageNode(msg, provenance, msgKind, depth, ctx, name);
      return node;
    } catch (err) {
      exceptions.push({ reason: "corrupt", detail: `not a readable message: ${describeError(err)}` });
      return base();
    }
  }

  const extractor = toolkit.extractorFor(mediaType);
  const node = base();
  if (!extractor) {
    exceptions.push({ reason: "unsupported-type", detail: `no extractor for ${mediaType}` });
    return node;
  }
  const cacheKey = ExtractCache.key(node.sha256, mediaType, ctx.ocr);
  let result = ctx.cache?.get(cacheKey);
  if (!result) {
    try {
      result = await extractor({
        bytes,
        mediaType,
        limits,
        ocr: ctx.ocr,
        ...(name !== undefined ? { name } : {}),
      });
    } catch (err) {
      exceptions.push({ reason: "extract-failed", detail: describeError(err) });
      return node;
    }
    ctx.cache?.set(cacheKey, result);
  }
  exceptions.push(...result.exceptions);
  node.text = limitText(result.text, limits, exceptions);
  if (result.meta) node.meta = result.meta;
  if (result.declared !== undefined) node.declared = result.declared;
  if (result.children) {
    await addChildren(node, result.children, depth, ctx);
    const read = node.children.length + node.unreadable.length;
    if (
      result.declared !== undefined &&
      result.declared > read &&
      !hasReason(exceptions, "declared-not-read")
    ) {
      exceptions.push({
        reason: "declared-not-read",
        detail: `${result.declared} entries declared, ${read} found`,
      });
    }
  }
  return node;
}

async function addChildren(
  node: ItemNode,
  list: ExtractChild[],
  depth: number,
  ctx: BuildContext,
): Promise<void> {
  const used = new Map<string, number>();
  for (const c of list) {
    // Archive member names can repeat; the provenance must stay unique.
    const seen = used.get(c.name) ?? 0;
    used.set(c.name, seen + 1);
    const label = seen === 0 ? c.name : `${c.name}#${seen + 1}`;
    const path = child(node.provenance, seg.entry(label));
    if (c.type === "unreadable") {
      node.unreadable.push({ provenance: path, exception: c.exception });
      continue;
    }
    if (depth + 1 > ctx.limits.maxDepth) {
      node.unreadable.push({
        provenance: path,
        exception: { reason: "depth-limit", detail: `member nested deeper than ${ctx.limits.maxDepth}` },
      });
      continue;
    }
    if (c.type === "message") {
      node.children.push(await buildMessageNode(c.message, path, "embedded-message", depth + 1, ctx, c.name));
    } else {
      const n = await buildFileNode(c.bytes, path, "member", depth + 1, ctx, c.name, c.mediaType);
      if (c.exceptions) n.exceptions.unshift(...c.exceptions);
      node.children.push(n);
    }
  }
}
