import type { ExceptionInput } from "./exception.js";

/** The kinds of email-like items Outlook, MIME and MBOX sources hold. */
export type MessageKind = "message" | "appointment" | "contact" | "task" | "note";

export interface MailHeaders {
  from?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  /** ISO 8601 in UTC when the source gives a parseable date. */
  date?: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
}

/**
 * One message as every mail reader (PST/OST, MSG, EML, MBOX, TNEF) produces it, before
 * ingest turns it into items. Bodies are already decoded to Unicode strings.
 */
export interface MailMessage {
  kind: MessageKind;
  /** Outlook message class (IPM.Note, IPM.Appointment, …) or "rfc822" for MIME mail. */
  messageClass: string;
  headers: MailHeaders;
  /** The transport headers as sent, when the source keeps them. */
  rawHeaders?: string;
  bodyText?: string;
  bodyHtml?: string;
  /** RTF body, decompressed, when the source has one (Outlook). */
  bodyRtf?: string;
  /**
   * Further named text fields that can hold personal data: a contact's phone numbers and
   * addresses, an appointment's location and times, a task's due date, etc.
   */
  fields: Record<string, string>;
  attachments: MailAttachment[];
  /** How many attachments the container declares (MIME parts, PST attachment table rows). */
  declaredAttachments?: number;
  /** Problems the reader met inside this message (not fatal: what could be read is here). */
  exceptions: ExceptionInput[];
}

export interface MailAttachment {
  /** The file name as given by the sender (may be absent for inline parts). */
  name?: string;
  /** The media type the sender declared; ingest also sniffs the bytes. */
  mediaType?: string;
  contentId?: string;
  inline?: boolean;
  /** The attachment's bytes, or `message` for an attached message (MSG in MSG, message/rfc822). */
  bytes?: Uint8Array;
  message?: MailMessage;
  /** Declared size, when the container states one; compared with what was read. */
  declaredSize?: number;
  exceptions: ExceptionInput[];
}

export function emptyHeaders(): MailHeaders {
  return { to: [], cc: [], bcc: [] };
}

export function emptyMessage(kind: MessageKind = "message", messageClass = "IPM.Note"): MailMessage {
  return { kind, messageClass, headers: emptyHeaders(), fields: {}, attachments: [], exceptions: [] };
}

/** Maps an Outlook message class to the kind of item it is. */
export function kindOfMessageClass(messageClass: string): MessageKind {
  const c = messageClass.toUpperCase();
  if (c.startsWith("IPM.APPOINTMENT") || c.startsWith("IPM.SCHEDULE.MEETING")) return "appointment";
  if (c.startsWith("IPM.CONTACT") || c.startsWith("IPM.DISTLIST")) return "contact";
  if (c.startsWith("IPM.TASK")) return "task";
  if (c.startsWith("IPM.STICKYNOTE")) return "note";
  return "message";
}
