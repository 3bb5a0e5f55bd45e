import type { MailAttachment, MailMessage } from "../../../core/mail.js";
import { mailFromMapi } from "../../mapi/mail-from-mapi.js";
import type { PstAttachment, PstMessage } from "./messaging/pst-message.js";

/**
 * Converts a PstMessage with the shared mailFromMapi and carries over the problems the PST
 * reader recorded (MapiMessage has no place for them).
 */
export function pstMessageToMail(msg: PstMessage): MailMessage {
  const mail = mailFromMapi(msg);
  mergeExceptions(mail, msg);
  return mail;
}

function mergeExceptions(mail: MailMessage, msg: PstMessage): void {
  mail.exceptions.push(...msg.exceptions);
  if (mail.attachments.length !== msg.attachments.length) {
    // Not expected (mailFromMapi maps attachments one to one); keep the problems at message level.
    for (const [i, a] of msg.attachments.entries()) {
      for (const e of a.exceptions) mail.exceptions.push({ ...e, where: e.where ?? `attachment ${i + 1}` });
    }
    return;
  }
  for (const [i, a] of msg.attachments.entries()) mergeAttachment(mail.attachments[i]!, a);
}

function mergeAttachment(out: MailAttachment, att: PstAttachment): void {
  if (att.exceptions.length > 0) {
    // The reader's reason (size limit, damaged data) explains why the data is absent more
    // precisely than the generic "data is missing" that the conversion adds.
    out.exceptions = [...att.exceptions, ...out.exceptions.filter((e) => e.reason !== "corrupt")];
  }
  if (att.embedded && out.message) mergeExceptions(out.message, att.embedded);
}
