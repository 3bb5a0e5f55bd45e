import type { ExceptionInput } from "../../../core/exception.js";
import { describeError } from "../../../core/exception.js";
import type { Limits } from "../../../core/limits.js";
import { ansiCodePage } from "../../mapi/ansi-codepage.js";
import { encodingOfCodePage } from "../../mapi/codepage.js";
import type { AttachmentNotes, MapiNotes } from "../../mapi/mapi-notes.js";
import {
  ATTACH_METHOD,
  PidTagAttachDataBinary,
  PidTagAttachMethod,
  PidTagInternetCodepage,
  PidTagMessageCodepage,
  PidTagMessageLocaleId,
} from "../../mapi/tags.js";
import type { MapiAttachment, MapiMessage, MapiProperties, MapiValue } from "../../mapi/types.js";
import { emptyProperties } from "../../mapi/types.js";
import { type CfbNode, storageToCfb } from "./cfb-tree.js";
import {
  HEADER_ATTACHMENT_OR_RECIPIENT,
  HEADER_EMBEDDED,
  HEADER_TOP_LEVEL,
  parsePropertyStream,
} from "./property-stream.js";
import { decodeMultiVariable, decodeStreamValue, isMultiVariable, parseSubstgName } from "./substg.js";

const PROPERTIES = "__PROPERTIES_VERSION1.0";
const RECIP_PREFIX = "__RECIP_VERSION1.0_#";
const ATTACH_PREFIX = "__ATTACH_VERSION1.0_#";
const EMBEDDED = "__SUBSTG1.0_3701000D";

export interface MsgContext {
  /** Named-property ids to keys (from the root's __nameid_version1.0). */
  names: Map<number, string>;
  limits: Limits;
  /** How deep the .msg file itself already sits (inside a ZIP, a message, …). */
  startDepth?: number;
}

/** A message read from an MSG storage, with the problems found at each level. */
export interface ReadObject extends MapiNotes {
  mapi: MapiMessage;
  attachments: AttachmentNotes[];
}

function setProp(props: MapiProperties, names: Map<number, string>, id: number, value: MapiValue): void {
  if (id >= 0x8000) {
    const key = names.get(id);
    if (key) props.named.set(key, value);
  } else {
    props.tagged.set(id, value);
  }
}

interface ReadProps {
  props: MapiProperties;
  recipientCount?: number;
  attachmentCount?: number;
  encoding: string;
}

/**
 * Reads one object's properties: fixed values from its property stream, variable ones from
 * its `__substg1.0_` streams. `inherited` is the encoding of recipients and attachments; a
 * message determines its own from its code page properties, else takes `fallback` (the
 * enclosing message's).
 */
function readProps(
  storage: CfbNode,
  headerSize: number,
  ctx: MsgContext,
  where: string,
  exceptions: ExceptionInput[],
  inherited?: string,
  fallback?: string,
): ReadProps {
  const props = emptyProperties();
  const out: ReadProps = { props, encoding: inherited ?? "cp1252" };
  const stream = storage.children.get(PROPERTIES)?.stream;
  if (stream) {
    const ps = parsePropertyStream(stream, headerSize, where);
    exceptions.push(...ps.exceptions);
    for (const [id, v] of ps.fixed) setProp(props, ctx.names, id, v as MapiValue);
    if (ps.recipientCount !== undefined) out.recipientCount = ps.recipientCount;
    if (ps.attachmentCount !== undefined) out.attachmentCount = ps.attachmentCount;
  } else {
    exceptions.push({ reason: "corrupt", detail: "property stream is missing", where });
  }

  if (!inherited) {
    const num = (id: number) => {
      const v = props.tagged.get(id);
      return typeof v === "number" ? v : undefined;
    };
    const hints = {
      messageCodepage: num(PidTagMessageCodepage),
      localeId: num(PidTagMessageLocaleId),
      internetCodepage: num(PidTagInternetCodepage),
    };
    const noHints = Object.values(hints).every((v) => v === undefined);
    const cp = ansiCodePage(hints);
    const enc = noHints && fallback ? fallback : encodingOfCodePage(cp);
    out.encoding = enc ?? "cp1252";
    if (!enc && [...storage.children.keys()].some((k) => k.endsWith("001E"))) {
      exceptions.push({ reason: "charset-unknown", detail: `ANSI code page ${cp} is not supported`, where });
    }
  }

  const multi = new Map<number, { type: number; parts: { index: number; node: CfbNode }[] }>();
  for (const node of storage.children.values()) {
    if (!node.stream) continue;
    if (node.damage) {
      const reason = node.damage.startsWith("stream is") ? "truncated" : "corrupt";
      exceptions.push({ reason, detail: `stream ${node.name}: ${node.damage}`, where });
    }
    const n = parseSubstgName(node.name);
    if (!n) continue;
    if (isMultiVariable(n.type)) {
      // The stream without an index only lists the lengths; the values have their own streams.
      if (n.index === undefined) continue;
      let entry = multi.get(n.id);
      if (!entry) {
        entry = { type: n.type, parts: [] };
        multi.set(n.id, entry);
      }
      if (entry.parts.length < ctx.limits.maxParts) entry.parts.push({ index: n.index, node });
      continue;
    }
    if (n.index !== undefined) continue;
    const v = decodeStreamValue(n.type, node.stream, out.encoding);
    if (v !== undefined) setProp(props, ctx.names, n.id, v);
  }
  for (const [id, m] of multi)
    setProp(props, ctx.names, id, decodeMultiVariable(m.type, m.parts, out.encoding));
  return out;
}

/** Child storages with a numbered prefix (`__recip_version1.0_#00000000`), in number order. */
function numbered(storage: CfbNode, prefix: string): CfbNode[] {
  const found: { n: number; node: CfbNode }[] = [];
  for (const [key, node] of storage.children) {
    if (node.stream || !key.startsWith(prefix)) continue;
    const n = Number.parseInt(key.slice(prefix.length), 16);
    found.push({ n: Number.isNaN(n) ? Number.MAX_SAFE_INTEGER : n, node });
  }
  return found.sort((a, b) => a.n - b.n).map((f) => f.node);
}

function readAttachment(
  storage: CfbNode,
  ctx: MsgContext,
  depth: number,
  where: string,
  encoding: string,
): { att: MapiAttachment; notes: AttachmentNotes } {
  const notes: AttachmentNotes = { exceptions: [] };
  const { props } = readProps(
    storage,
    HEADER_ATTACHMENT_OR_RECIPIENT,
    ctx,
    where,
    notes.exceptions,
    encoding,
  );
  const att: MapiAttachment = { props };
  const sub = storage.children.get(EMBEDDED);
  if (sub && !sub.stream) {
    const method = props.tagged.get(PidTagAttachMethod);
    if (method === ATTACH_METHOD.ole || !sub.children.has(PROPERTIES)) {
      // An OLE object (e.g. an embedded document): hand it on as a standalone compound file.
      props.tagged.set(PidTagAttachDataBinary, storageToCfb(sub));
    } else if ((ctx.startDepth ?? 0) + depth + 1 > ctx.limits.maxDepth) {
      notes.exceptions = [
        {
          reason: "depth-limit",
          detail: `embedded message is nested deeper than ${ctx.limits.maxDepth}`,
          where,
        },
      ];
      notes.replaceExceptions = true;
    } else {
      const embedded = readMessage(sub, HEADER_EMBEDDED, ctx, depth + 1, encoding);
      att.embedded = embedded.mapi;
      notes.embedded = embedded;
    }
  }
  return { att, notes };
}

/** Reads a message storage (the root, or an embedded message's `__substg1.0_3701000D`). */
export function readMessage(
  storage: CfbNode,
  headerSize: number,
  ctx: MsgContext,
  depth: number,
  parentEncoding?: string,
): ReadObject {
  const exceptions: ExceptionInput[] = [];
  const where = depth === 0 ? "message" : `embedded message (depth ${depth})`;
  const top = readProps(storage, headerSize, ctx, where, exceptions, undefined, parentEncoding);
  const mapi: MapiMessage = { props: top.props, recipients: [], attachments: [] };
  const read: ReadObject = { mapi, exceptions, attachments: [] };

  const recips = numbered(storage, RECIP_PREFIX);
  if (recips.length > ctx.limits.maxParts) {
    exceptions.push({
      reason: "parts-limit",
      detail: `${recips.length} recipients exceed the limit of ${ctx.limits.maxParts}`,
    });
  }
  recips.slice(0, ctx.limits.maxParts).forEach((node, i) => {
    try {
      const r = readProps(
        node,
        HEADER_ATTACHMENT_OR_RECIPIENT,
        ctx,
        `recipient ${i + 1}`,
        exceptions,
        top.encoding,
      );
      mapi.recipients.push(r.props);
    } catch (err) {
      exceptions.push({ reason: "corrupt", detail: describeError(err), where: `recipient ${i + 1}` });
    }
  });

  const atts = numbered(storage, ATTACH_PREFIX);
  const kept = atts.slice(0, ctx.limits.maxParts);
  if (atts.length > kept.length) {
    exceptions.push({
      reason: "parts-limit",
      detail: `${atts.length} attachments exceed the limit of ${ctx.limits.maxParts}`,
    });
  }
  kept.forEach((node, i) => {
    const where = `attachment ${i + 1}`;
    try {
      const { att, notes } = readAttachment(node, ctx, depth, where, top.encoding);
      mapi.attachments.push(att);
      read.attachments.push(notes);
    } catch (err) {
      mapi.attachments.push({ props: emptyProperties() });
      read.attachments.push({
        exceptions: [{ reason: "corrupt", detail: describeError(err), where }],
        replaceExceptions: true,
      });
    }
  });
  // The header's count is what the writer meant to store; never report fewer than were found.
  mapi.declaredAttachments = Math.max(top.attachmentCount ?? 0, atts.length);
  if (headerSize === HEADER_TOP_LEVEL || headerSize === HEADER_EMBEDDED) {
    const declaredRecips = top.recipientCount ?? 0;
    if (declaredRecips > recips.length) {
      exceptions.push({
        reason: "declared-not-read",
        detail: `${declaredRecips} recipients declared, ${recips.length} found`,
      });
    }
  }
  return read;
}
