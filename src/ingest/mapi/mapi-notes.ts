import type { ExceptionInput } from "../../core/exception.js";
import type { MailMessage } from "../../core/mail.js";

/**
 * Problems a reader (MSG, TNEF) met while building a MapiMessage, kept beside it level by level
 * because MapiMessage has no place for them; mergeNotes adds them to the MailMessage built
 * from the same tree.
 */
export interface MapiNotes {
  exceptions: ExceptionInput[];
  /** Same order as MapiMessage.attachments. */
  attachments: AttachmentNotes[];
}

export interface AttachmentNotes {
  exceptions: ExceptionInput[];
  /** Notes of the attachment's embedded message. */
  embedded?: MapiNotes;
  /** When set, these replace the generic exceptions mailFromMapi derived for the attachment. */
  replaceExceptions?: boolean;
}

export function mergeNotes(mail: MailMessage, notes: MapiNotes): void {
  mail.exceptions.push(...notes.exceptions);
  notes.attachments.forEach((n, i) => {
    const att = mail.attachments[i];
    if (!att) return;
    if (n.replaceExceptions) att.exceptions = [...n.exceptions];
    else att.exceptions.push(...n.exceptions);
    if (n.embedded && att.message) mergeNotes(att.message, n.embedded);
  });
}
