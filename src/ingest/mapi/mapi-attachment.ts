import type { ExceptionInput } from "../../core/exception.js";
import type { MailAttachment, MailMessage } from "../../core/mail.js";
import { boolProp, bytesProp, numberProp, stringProp } from "./mapi-values.js";
import {
  ATT_MHTML_REF,
  ATTACH_METHOD,
  PidTagAttachContentId,
  PidTagAttachDataBinary,
  PidTagAttachFilename,
  PidTagAttachFlags,
  PidTagAttachLongFilename,
  PidTagAttachMethod,
  PidTagAttachMimeTag,
  PidTagAttachmentHidden,
  PidTagDisplayName,
} from "./tags.js";
import type { MapiAttachment, MapiMessage } from "./types.js";

const METHOD_NAMES: Record<number, string> = {
  2: "by reference",
  3: "by reference, resolved",
  4: "by reference only",
  6: "OLE object",
  7: "by web reference",
};

/**
 * Turns one attachment-table row into a MailAttachment. `toMail` converts an embedded
 * message (it is mailFromMapi, passed in to keep the modules acyclic).
 */
export function attachmentFromMapi(
  att: MapiAttachment,
  toMail: (m: MapiMessage) => MailMessage,
): MailAttachment {
  const p = att.props;
  const exceptions: ExceptionInput[] = [];
  const out: MailAttachment = { exceptions };
  const name =
    stringProp(p, PidTagAttachLongFilename) ??
    stringProp(p, PidTagAttachFilename) ??
    stringProp(p, PidTagDisplayName);
  if (name) out.name = name;
  const mime = stringProp(p, PidTagAttachMimeTag);
  if (mime) out.mediaType = mime;
  const cid = stringProp(p, PidTagAttachContentId);
  if (cid) out.contentId = cid.replace(/^<|>$/g, "");
  const flags = numberProp(p, PidTagAttachFlags) ?? 0;
  if ((flags & ATT_MHTML_REF) !== 0 || boolProp(p, PidTagAttachmentHidden) === true) out.inline = true;

  const data = bytesProp(p, PidTagAttachDataBinary);
  const method =
    numberProp(p, PidTagAttachMethod) ??
    (att.embedded ? ATTACH_METHOD.embeddedMessage : ATTACH_METHOD.byValue);

  if (att.embedded) {
    out.message = toMail(att.embedded);
    return out;
  }
  if (method === ATTACH_METHOD.embeddedMessage) {
    exceptions.push({ reason: "corrupt", detail: "embedded message (attach method 5) could not be read" });
    return out;
  }
  if (data) {
    out.bytes = data;
    return out;
  }
  const label = METHOD_NAMES[method];
  if (label && method !== ATTACH_METHOD.ole) {
    exceptions.push({
      reason: "unsupported-type",
      detail: `attachment is stored ${label} (attach method ${method}), not inside the mailbox`,
    });
  } else if (method === ATTACH_METHOD.ole) {
    exceptions.push({
      reason: "unsupported-type",
      detail: "OLE object attachment (attach method 6) has no readable data",
    });
  } else if (method === ATTACH_METHOD.none) {
    // Method 0 is an attachment object without data (e.g. a placeholder); nothing to read.
    exceptions.push({ reason: "corrupt", detail: "attachment has no data (attach method 0)" });
  } else {
    exceptions.push({
      reason: "corrupt",
      detail: `attachment data (0x3701) is missing (attach method ${method})`,
    });
  }
  return out;
}
