import type { ExceptionInput } from "../../../core/exception.js";
import { describeError } from "../../../core/exception.js";
import type { Limits } from "../../../core/limits.js";
import { decodeWith, encodingOfCodePage } from "../../mapi/codepage.js";
import type { AttachmentNotes, MapiNotes } from "../../mapi/mapi-notes.js";
import { stripTrailingNuls } from "../../mapi/mapi-values.js";
import {
  PidTagAttachDataBinary,
  PidTagAttachFilename,
  PidTagAttachMethod,
  PidTagBody,
  PidTagClientSubmitTime,
  PidTagMessageClass,
  PidTagMessageDeliveryTime,
  PidTagSubject,
} from "../../mapi/tags.js";
import type { MapiAttachment, MapiMessage, MapiProperties } from "../../mapi/types.js";
import { emptyProperties } from "../../mapi/types.js";
import { ByteCursor, OutOfBounds } from "./byte-cursor.js";
import { mapiClassOfLegacy } from "./legacy-class.js";
import { ATT, IID_IMESSAGE, LVL_ATTACHMENT, LVL_MESSAGE, TNEF_SIGNATURE } from "./tnef-attributes.js";
import { parsePropList, type TnefObject } from "./tnef-mapi-props.js";

export interface TnefParse extends MapiNotes {
  message: MapiMessage;
  attachments: AttachmentNotes[];
}

interface PendingAttachment {
  props: MapiProperties;
  objects: Map<number, TnefObject>;
  title?: string;
  data?: Uint8Array;
  notes: AttachmentNotes;
}

export function isTnef(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === TNEF_SIGNATURE
  );
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (const b of data) sum = (sum + b) & 0xffff;
  return sum;
}

/** atpDate: seven 16-bit fields (year, month, day, hour, minute, second, weekday). */
function legacyDate(data: Uint8Array): Date | undefined {
  if (data.length < 12) return undefined;
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const f = (i: number) => v.getUint16(i * 2, true);
  const d = new Date(Date.UTC(f(0), f(1) - 1, f(2), f(3), f(4), f(5)));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function mergeInto(target: MapiProperties, source: MapiProperties): void {
  for (const [k, v] of source.tagged) target.tagged.set(k, v);
  for (const [k, v] of source.named) target.named.set(k, v);
}

/**
 * Parses a TNEF stream (winmail.dat, application/ms-tnef; [MS-OXTNEF]) into a MapiMessage.
 * Throws only when the signature is wrong; damage is recorded in the returned notes.
 */
export function parseTnef(bytes: Uint8Array, limits: Limits, depth = 0): TnefParse {
  if (!isTnef(bytes)) throw new Error("not a TNEF stream (bad signature)");
  const c = new ByteCursor(bytes, 4);
  const exceptions: ExceptionInput[] = [];
  const props = emptyProperties();
  const recipients: MapiProperties[] = [];
  const pending: PendingAttachment[] = [];
  let declared = 0;
  let current: PendingAttachment | undefined;
  let encoding = "cp1252";
  let partsReported = false;
  /** Attributes of attachments beyond the parts limit are read past, not kept. */
  let dropping = false;
  const legacy: { subject?: string; body?: string; cls?: string; sent?: Date; received?: Date } = {};

  try {
    c.u16("legacy key");
  } catch {
    exceptions.push({ reason: "truncated", detail: "TNEF stream ends after its signature" });
  }
  const text = (d: Uint8Array) => stripTrailingNuls(decodeWith(d, encoding));

  while (c.remaining > 0) {
    const at = c.pos;
    let level: number;
    let id: number;
    let data: Uint8Array;
    try {
      level = c.u8("attribute level");
      id = c.u32("attribute id") & 0xffff;
      const len = c.u32("attribute length");
      data = c.take(len, "attribute data");
      const sum = c.u16("attribute checksum");
      if (sum !== checksum(data)) {
        exceptions.push({
          reason: "corrupt",
          detail: `checksum mismatch in attribute 0x${id.toString(16)} at offset ${at}`,
        });
      }
    } catch (err) {
      const detail = err instanceof OutOfBounds ? `attribute at offset ${at} is cut off` : describeError(err);
      exceptions.push({ reason: "truncated", detail });
      // An attachment whose data had not arrived yet is lost with the rest of the stream.
      if (
        current &&
        !current.data &&
        !current.props.tagged.has(PidTagAttachDataBinary) &&
        current.objects.size === 0
      ) {
        current.notes.exceptions = [
          { reason: "truncated", detail: `attachment ${pending.length} is cut off` },
        ];
        current.notes.replaceExceptions = true;
      }
      break;
    }

    try {
      if (level === LVL_ATTACHMENT) {
        if (id === ATT.attachRendData || (!current && !dropping)) {
          declared++;
          current = undefined;
          dropping = pending.length >= limits.maxParts;
          if (dropping) {
            if (!partsReported) {
              exceptions.push({ reason: "parts-limit", detail: `more than ${limits.maxParts} attachments` });
              partsReported = true;
            }
          } else {
            current = { props: emptyProperties(), objects: new Map(), notes: { exceptions: [] } };
            pending.push(current);
          }
        }
        if (!current) continue;
        if (id === ATT.attachTitle) current.title = text(data);
        else if (id === ATT.attachData) current.data = data;
        else if (id === ATT.attachment) {
          const list = parsePropList(new ByteCursor(data), encoding);
          mergeInto(current.props, list.props);
          for (const [k, v] of list.objects) current.objects.set(k, v);
        }
      } else if (level === LVL_MESSAGE) {
        if (id === ATT.oemCodepage && data.length >= 4) {
          const cp = new DataView(data.buffer, data.byteOffset, 4).getUint32(0, true);
          encoding = encodingOfCodePage(cp) ?? "cp1252";
        } else if (id === ATT.subject) legacy.subject = text(data);
        else if (id === ATT.body) legacy.body = text(data);
        else if (id === ATT.messageClass) legacy.cls = mapiClassOfLegacy(text(data));
        else if (id === ATT.dateSent) legacy.sent = legacyDate(data);
        else if (id === ATT.dateRecd) legacy.received = legacyDate(data);
        else if (id === ATT.msgProps) mergeInto(props, parsePropList(new ByteCursor(data), encoding).props);
        else if (id === ATT.recipTable) {
          const rc = new ByteCursor(data);
          const rows = rc.u32("recipient count");
          if (rows > rc.remaining / 4) throw new Error(`recipient count ${rows} exceeds the data`);
          for (let r = 0; r < rows && r < limits.maxParts; r++)
            recipients.push(parsePropList(rc, encoding).props);
        }
      } else {
        exceptions.push({
          reason: "corrupt",
          detail: `attribute at offset ${at} has unknown level ${level}`,
        });
      }
    } catch (err) {
      const e: ExceptionInput = {
        reason: err instanceof OutOfBounds ? "truncated" : "corrupt",
        detail: `attribute 0x${id.toString(16)} at offset ${at}: ${describeError(err)}`,
      };
      if (level === LVL_ATTACHMENT && current) current.notes.exceptions.push(e);
      else exceptions.push(e);
    }
  }

  // Legacy attributes fill what the MAPI properties did not state.
  const setIfMissing = (id: number, v: string | Date | undefined) => {
    if (v !== undefined && v !== "" && !props.tagged.has(id)) props.tagged.set(id, v);
  };
  setIfMissing(PidTagSubject, legacy.subject);
  setIfMissing(PidTagBody, legacy.body);
  setIfMissing(PidTagMessageClass, legacy.cls);
  setIfMissing(PidTagClientSubmitTime, legacy.sent);
  setIfMissing(PidTagMessageDeliveryTime, legacy.received);

  const attachments: MapiAttachment[] = [];
  const notes: AttachmentNotes[] = [];
  pending.forEach((p, i) => {
    const att: MapiAttachment = { props: p.props };
    if (!p.props.tagged.has(PidTagAttachFilename) && p.title)
      p.props.tagged.set(PidTagAttachFilename, p.title);
    const obj = p.objects.get(PidTagAttachDataBinary);
    if (obj && obj.iid === IID_IMESSAGE) {
      if (depth + 1 > limits.maxDepth) {
        p.notes.exceptions = [
          { reason: "depth-limit", detail: `embedded message in attachment ${i + 1} is nested too deeply` },
        ];
        p.notes.replaceExceptions = true;
      } else {
        try {
          const inner = parseTnef(obj.data, limits, depth + 1);
          att.embedded = inner.message;
          p.notes.embedded = inner;
          if (!p.props.tagged.has(PidTagAttachMethod)) p.props.tagged.set(PidTagAttachMethod, 5);
        } catch (err) {
          p.notes.exceptions.push({ reason: "corrupt", detail: `embedded message: ${describeError(err)}` });
          p.notes.replaceExceptions = true;
        }
      }
    } else if (obj && !p.props.tagged.has(PidTagAttachDataBinary)) {
      p.props.tagged.set(PidTagAttachDataBinary, obj.data);
    } else if (!p.props.tagged.has(PidTagAttachDataBinary) && p.data) {
      p.props.tagged.set(PidTagAttachDataBinary, p.data);
    }
    attachments.push(att);
    notes.push(p.notes);
  });

  return {
    message: { props, recipients, attachments, declaredAttachments: declared },
    exceptions,
    attachments: notes,
  };
}
