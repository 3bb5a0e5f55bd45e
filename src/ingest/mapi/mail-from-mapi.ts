import type { MailHeaders, MailMessage } from "../../core/mail.js";
import { emptyHeaders, kindOfMessageClass } from "../../core/mail.js";
import { formatAddress, looksLikeSmtp, splitDisplayList } from "./address.js";
import { attachmentFromMapi } from "./mapi-attachment.js";
import { htmlBodyFromMapi, rtfBodyFromMapi } from "./mapi-bodies.js";
import { fieldsFromMapi } from "./mapi-fields.js";
import { dateProp, numberProp, stringProp } from "./mapi-values.js";
import * as T from "./tags.js";
import type { MapiMessage, MapiProperties } from "./types.js";

export interface MailFromMapiOptions {
  /** Cap on the decompressed RTF body (bytes); defaults to 256 MiB. */
  maxRtfBytes?: number;
}

/** Embedded messages deeper than this are not converted (guards against hostile trees). */
const MAX_NESTING = 64;

/** The best address for a sender-like identity: SMTP first, then any Internet-looking address. */
function pickAddress(props: MapiProperties, smtpKey: number, emailKey: number): string | undefined {
  const smtp = stringProp(props, smtpKey);
  if (smtp) return smtp;
  const email = stringProp(props, emailKey);
  return looksLikeSmtp(email) ? email : undefined;
}

/**
 * Name and best address. An Exchange DN ("/o=…/cn=…") is only used when there is no name,
 * since it is not an address anyone can write to and makes a poor header.
 */
function mailbox(
  name: string | undefined,
  smtp: string | undefined,
  other: string | undefined,
): string | undefined {
  return formatAddress(name, smtp ?? (name ? undefined : other));
}

function senderOf(props: MapiProperties): string | undefined {
  const sender = mailbox(
    stringProp(props, T.PidTagSenderName),
    pickAddress(props, T.PidTagSenderSmtpAddress, T.PidTagSenderEmailAddress),
    stringProp(props, T.PidTagSenderEmailAddress),
  );
  // Name and address come from the same identity; the represented one is only a fallback.
  return sender ?? representedOf(props, undefined);
}

/** "Sent on behalf of": only when it names someone other than the sender. */
function representedOf(props: MapiProperties, from: string | undefined): string | undefined {
  const v = mailbox(
    stringProp(props, T.PidTagSentRepresentingName),
    pickAddress(props, T.PidTagSentRepresentingSmtpAddress, T.PidTagSentRepresentingEmailAddress),
    stringProp(props, T.PidTagSentRepresentingEmailAddress),
  );
  return v && v !== from ? v : undefined;
}

function recipientsInto(headers: MailHeaders, msg: MapiMessage): void {
  for (const r of msg.recipients) {
    const name =
      stringProp(r, T.PidTagDisplayName) ??
      stringProp(r, T.PidTagRecipientDisplayName) ??
      stringProp(r, T.PidTagTransmittableDisplayName);
    const v = mailbox(
      name,
      pickAddress(r, T.PidTagSmtpAddress, T.PidTagEmailAddress),
      stringProp(r, T.PidTagEmailAddress),
    );
    if (!v) continue;
    const type = numberProp(r, T.PidTagRecipientType) ?? T.MAPI_TO;
    // The high bits of the type carry flags (e.g. 0x10000000 "already sent").
    const kind = type & 0xf;
    if (kind === T.MAPI_CC) headers.cc.push(v);
    else if (kind === T.MAPI_BCC) headers.bcc.push(v);
    else headers.to.push(v);
  }
  if (msg.recipients.length === 0) {
    headers.to.push(...splitDisplayList(stringProp(msg.props, T.PidTagDisplayTo)));
    headers.cc.push(...splitDisplayList(stringProp(msg.props, T.PidTagDisplayCc)));
    headers.bcc.push(...splitDisplayList(stringProp(msg.props, T.PidTagDisplayBcc)));
  }
}

function subjectOf(props: MapiProperties): string | undefined {
  const subject = stringProp(props, T.PidTagSubject);
  if (subject) return subject;
  const normalized = stringProp(props, T.PidTagNormalizedSubject);
  if (!normalized) return stringProp(props, T.PidTagConversationTopic);
  const prefix = stringProp(props, T.PidTagSubjectPrefix);
  return prefix ? `${prefix} ${normalized}` : normalized;
}

/**
 * Maps an Outlook item (from PST/OST, MSG or TNEF) to the shared MailMessage: headers from
 * the envelope properties and recipient table, the text/HTML/RTF bodies, PHI-bearing fields
 * of contacts, appointments and tasks, and attachments (embedded messages recursively).
 */
export function mailFromMapi(msg: MapiMessage, options: MailFromMapiOptions = {}): MailMessage {
  return convert(msg, options, 0);
}

function convert(msg: MapiMessage, options: MailFromMapiOptions, depth: number): MailMessage {
  const p = msg.props;
  const messageClass = stringProp(p, T.PidTagMessageClass) ?? "IPM.Note";
  const headers = emptyHeaders();
  const out: MailMessage = {
    kind: kindOfMessageClass(messageClass),
    messageClass,
    headers,
    fields: fieldsFromMapi(p),
    attachments: [],
    exceptions: [],
  };

  const from = senderOf(p);
  if (from) headers.from = from;
  const onBehalf = representedOf(p, from);
  if (onBehalf) out.fields["Sent on behalf of"] = onBehalf;
  recipientsInto(headers, msg);
  // Unsent items (drafts, notes, contacts) have neither; their last change is the best date.
  const date =
    dateProp(p, T.PidTagMessageDeliveryTime) ??
    dateProp(p, T.PidTagClientSubmitTime) ??
    dateProp(p, T.PidTagLastModificationTime) ??
    dateProp(p, T.PidTagCreationTime);
  if (date) headers.date = date;
  const subject = subjectOf(p);
  if (subject) headers.subject = subject;
  const messageId = stringProp(p, T.PidTagInternetMessageId);
  if (messageId) headers.messageId = messageId;
  const inReplyTo = stringProp(p, T.PidTagInReplyToId);
  if (inReplyTo) headers.inReplyTo = inReplyTo;
  const raw = stringProp(p, T.PidTagTransportMessageHeaders);
  if (raw) out.rawHeaders = raw;

  const text = stringProp(p, T.PidTagBody);
  if (text) out.bodyText = text;
  const html = htmlBodyFromMapi(p);
  if (html.text) out.bodyHtml = html.text;
  out.exceptions.push(...html.exceptions);
  const rtf = rtfBodyFromMapi(p, options.maxRtfBytes);
  if (rtf.text) out.bodyRtf = rtf.text;
  out.exceptions.push(...rtf.exceptions);

  msg.attachments.forEach((att, i) => {
    if (depth >= MAX_NESTING && att.embedded) {
      out.attachments.push({
        exceptions: [{ reason: "depth-limit", detail: `embedded message ${i + 1} is nested too deeply` }],
      });
      return;
    }
    out.attachments.push(attachmentFromMapi(att, (m) => convert(m, options, depth + 1)));
  });
  if (msg.declaredAttachments !== undefined) out.declaredAttachments = msg.declaredAttachments;
  return out;
}
