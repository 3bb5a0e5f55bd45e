import type { MailMessage } from "../core/mail.js";

export interface BodyConverters {
  htmlToText(html: string): string;
  rtfToText(rtf: string): string;
  /** HTML that Outlook encapsulated inside an RTF body (\fromhtml1), if it is such a body. */
  deEncapsulateHtml(rtf: string): string | undefined;
}

/** The best plain-text rendering of a message body: plain text, else HTML, else RTF. */
export function bodyText(msg: MailMessage, conv: BodyConverters): string {
  if (msg.bodyText && msg.bodyText.trim().length > 0) return msg.bodyText;
  if (msg.bodyHtml && msg.bodyHtml.trim().length > 0) return conv.htmlToText(msg.bodyHtml);
  if (msg.bodyRtf) {
    const html = conv.deEncapsulateHtml(msg.bodyRtf);
    return html !== undefined ? conv.htmlToText(html) : conv.rtfToText(msg.bodyRtf);
  }
  return "";
}

/**
 * The text detection reads for a message: its envelope (names and addresses are personal
 * data too), the body, then any further fields (a contact's phones, an appointment's place).
 */
export function messageText(msg: MailMessage, conv: BodyConverters): string {
  const h = msg.headers;
  const lines: string[] = [];
  if (h.subject) lines.push(`Subject: ${h.subject}`);
  if (h.from) lines.push(`From: ${h.from}`);
  if (h.to.length) lines.push(`To: ${h.to.join("; ")}`);
  if (h.cc.length) lines.push(`Cc: ${h.cc.join("; ")}`);
  if (h.bcc.length) lines.push(`Bcc: ${h.bcc.join("; ")}`);
  if (h.date) lines.push(`Date: ${h.date}`);
  const body = bodyText(msg, conv);
  const fields = Object.entries(msg.fields)
    .filter(([, v]) => v.trim().length > 0)
    .map(([k, v]) => `${k}: ${v}`);
  const parts = [lines.join("\n"), body.trim(), fields.join("\n")].filter((p) => p.length > 0);
  return parts.join("\n\n");
}
