import type { ExceptionInput } from "../../../../core/exception.js";
import type { Limits } from "../../../../core/limits.js";
import type { MapiProperties } from "../../../mapi/types.js";
import { emptyProperties } from "../../../mapi/types.js";
import { string8Decoder } from "../ltp/codepage.js";
import { isHid } from "../ltp/heap.js";
import { NodeScope } from "../ltp/node-scope.js";
import type { NameResolver, PcResult } from "../ltp/property-context.js";
import { readPropertyContext } from "../ltp/property-context.js";
import { TableContext } from "../ltp/table-context.js";
import type { Ndb } from "../ndb/ndb.js";
import { hex, PstError, toException } from "../ndb/pst-error.js";
import { NID_ATTACHMENT_TABLE, NID_RECIPIENT_TABLE } from "./nids.js";
import type { PstAttachment, PstMessage } from "./pst-message.js";

const PID_SUBJECT = 0x0037;
const PID_ATTACH_DATA = 0x3701;
const PID_ATTACH_METHOD = 0x3705;
const ATTACH_EMBEDDED_MSG = 5;
const SKIP_ATTACH_DATA: ReadonlySet<number> = new Set([PID_ATTACH_DATA]);

export interface MessageContext {
  ndb: Ndb;
  names: NameResolver;
  limits: Limits;
}

/** Reads a message node (a top-level message, by NID) with its recipients and attachments. */
export function readMessage(ctx: MessageContext, nid: number): PstMessage {
  const node = ctx.ndb.node(nid);
  const scope = new NodeScope(ctx.ndb, node.bidData, node.bidSub, `node ${hex(nid)}`);
  return readMessageScope(ctx, scope, nid, 0);
}

function oversizedExceptions(pc: PcResult, where: string, limit: number): ExceptionInput[] {
  return pc.oversized.map((o) => ({
    reason: "size-limit" as const,
    detail: `property ${hex(o.propId)}${o.size >= 0 ? ` of ${o.size} bytes` : ""} exceeds the limit of ${limit} bytes`,
    where,
  }));
}

/**
 * PST stores PidTagSubject with a two-character marker when it has a prefix ("\x01" then a
 * character whose code is the prefix length); the marker is not part of the subject.
 */
export function stripSubjectMarker(subject: string): string {
  return subject.charCodeAt(0) === 1 ? subject.slice(2) : subject;
}

function readMessageScope(
  ctx: MessageContext,
  scope: NodeScope,
  nid: number,
  depth: number,
  parentCodePage?: number,
): PstMessage {
  const limit = ctx.limits.maxItemBytes;
  const pc = readPropertyContext(scope, {
    names: ctx.names,
    maxValueBytes: limit,
    ...(parentCodePage !== undefined ? { codePage: parentCodePage } : {}),
  });
  const subject = pc.props.tagged.get(PID_SUBJECT);
  if (typeof subject === "string") pc.props.tagged.set(PID_SUBJECT, stripSubjectMarker(subject));
  const msg: PstMessage = {
    nid,
    props: pc.props,
    recipients: [],
    attachments: [],
    exceptions: [...pc.exceptions, ...oversizedExceptions(pc, scope.label, limit)],
  };
  let subnodes: ReadonlyMap<number, unknown>;
  try {
    subnodes = scope.subnodes;
  } catch (err) {
    msg.exceptions.push(toException(err, `${scope.label} subnodes`));
    return msg;
  }
  if (subnodes.has(NID_RECIPIENT_TABLE)) readRecipients(ctx, scope, pc.codePage, msg);
  if (subnodes.has(NID_ATTACHMENT_TABLE)) readAttachments(ctx, scope, pc.codePage, msg, depth);
  return msg;
}

function readRecipients(ctx: MessageContext, scope: NodeScope, codePage: number, msg: PstMessage): void {
  const where = `${scope.label} recipient table`;
  try {
    const tc = new TableContext(scope.child(NID_RECIPIENT_TABLE));
    const s8 = string8Decoder(codePage);
    for (const row of tc.rows()) {
      msg.recipients.push(
        tc.rowProps(row, s8.decode, ctx.limits.maxItemBytes, ctx.names, (err, col) =>
          msg.exceptions.push(toException(err, `${where} row ${row.index} column ${hex(col.tag)}`)),
        ),
      );
    }
  } catch (err) {
    msg.exceptions.push(toException(err, where));
  }
}

function readAttachments(
  ctx: MessageContext,
  scope: NodeScope,
  codePage: number,
  msg: PstMessage,
  depth: number,
): void {
  const where = `${scope.label} attachment table`;
  let tc: TableContext;
  try {
    tc = new TableContext(scope.child(NID_ATTACHMENT_TABLE));
    msg.declaredAttachments = tc.rowCount();
  } catch (err) {
    msg.exceptions.push(toException(err, where));
    return;
  }
  const s8 = string8Decoder(codePage);
  let seen = 0;
  try {
    for (const row of tc.rows()) {
      seen++;
      // The row's own cells are only needed when the attachment object cannot be read.
      const rowProps = () => tc.rowProps(row, s8.decode, ctx.limits.maxItemBytes, ctx.names, () => {});
      msg.attachments.push(readAttachment(ctx, scope, row.rowId, rowProps, codePage, depth));
    }
  } catch (err) {
    msg.exceptions.push(toException(err, where));
  }
  const declared = msg.declaredAttachments ?? 0;
  if (seen < declared) {
    msg.exceptions.push({
      reason: "declared-not-read",
      detail: `attachment table declares ${declared} rows, ${seen} could be read`,
      where,
    });
  }
}

function readAttachment(
  ctx: MessageContext,
  parent: NodeScope,
  nid: number,
  rowProps: () => MapiProperties,
  codePage: number,
  depth: number,
): PstAttachment {
  const att: PstAttachment = { props: emptyProperties(), exceptions: [] };
  let scope: NodeScope;
  let pc: PcResult;
  try {
    scope = parent.child(nid);
    pc = readPropertyContext(scope, {
      names: ctx.names,
      codePage,
      maxValueBytes: ctx.limits.maxItemBytes,
      skip: SKIP_ATTACH_DATA,
    });
  } catch (err) {
    // The table row still names the attachment; the object itself is unreadable.
    try {
      att.props = rowProps();
    } catch {
      // Keep the empty properties: the exception below already says the attachment is unreadable.
    }
    att.exceptions.push(toException(err, `attachment ${hex(nid)}`));
    return att;
  }
  att.props = pc.props;
  att.exceptions.push(...pc.exceptions, ...oversizedExceptions(pc, scope.label, ctx.limits.maxItemBytes));
  const data = pc.refs.get(PID_ATTACH_DATA);
  if (!data) return att;
  const method = pc.props.tagged.get(PID_ATTACH_METHOD);
  try {
    if (method === ATTACH_EMBEDDED_MSG) {
      att.embedded = readEmbedded(ctx, scope, data.hnid, depth, codePage);
      return att;
    }
    // An OLE attachment (method 6) stores PtypObject as {nid, size}: its data is the subnode's bytes.
    const hnid = data.type === 0x000d ? objectNid(scope, data.hnid) : data.hnid;
    const size = scope.hnidSize(hnid);
    if (size > ctx.limits.maxItemBytes) {
      att.exceptions.push({
        reason: "size-limit",
        detail: `attachment data of ${size} bytes exceeds the limit of ${ctx.limits.maxItemBytes} bytes`,
        where: scope.label,
      });
      return att;
    }
    const bytes = scope.readHnid(hnid, ctx.limits.maxItemBytes);
    att.props.tagged.set(PID_ATTACH_DATA, new Uint8Array(bytes));
  } catch (err) {
    att.exceptions.push(toException(err, `${scope.label} data`));
  }
  return att;
}

/** Follows PidTagAttachDataObject: an HID to {nid, size} naming a subnode that is itself a message. */
function readEmbedded(
  ctx: MessageContext,
  scope: NodeScope,
  hnid: number,
  depth: number,
  codePage: number,
): PstMessage {
  if (depth + 1 > ctx.limits.maxDepth) {
    throw new PstError("depth-limit", `embedded message nesting exceeds ${ctx.limits.maxDepth}`);
  }
  const nid = objectNid(scope, hnid);
  return readMessageScope(ctx, scope.child(nid), nid, depth + 1, codePage);
}

/** A PtypObject value in a PC is an HID to {nid, size}; the NID names a subnode. */
function objectNid(scope: NodeScope, hnid: number): number {
  if (!isHid(hnid)) return hnid;
  const ref = scope.heap.get(hnid);
  if (ref.length < 4) throw new PstError("corrupt", `${scope.label}: object reference is too short`);
  return ref.readUInt32LE(0);
}
