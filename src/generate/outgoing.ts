import type { Attachment } from "./attachment.js";
import type { MailAddress } from "./mime.js";
import type { Person } from "./people.js";
import type { Staff } from "./staff.js";
import type { TextDoc } from "./text-doc.js";

/** A message ready to be addressed, rendered and delivered to the mailboxes it reaches. */
export interface Outgoing {
  from: MailAddress;
  fromStaff?: Staff;
  to: MailAddress[];
  toStaff: Staff[];
  cc: MailAddress[];
  ccStaff: Staff[];
  subject: TextDoc;
  body: TextDoc;
  attachments: Attachment[];
  /** message/rfc822 attachments: source text and the truth of their body. */
  forwardedSource?: { name: string; source: string; body: TextDoc };
  inReplyTo?: string;
  references?: string[];
  /** Broadcast to every mailbox. */
  broadcast?: boolean;
  /** The patient the conversation is about. */
  about?: Person;
}
