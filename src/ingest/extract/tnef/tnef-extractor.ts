import { convert as htmlToText } from "html-to-text";
import type { MailMessage } from "../../../core/mail.js";
import { mailFromMapi } from "../../mapi/mail-from-mapi.js";
import { mergeNotes } from "../../mapi/mapi-notes.js";
import { convertRtf } from "../rtf/rtf-to-text.js";
import type { ExtractChild, Extractor } from "../types.js";
import { isTnef, parseTnef } from "./parse-tnef.js";

/** The best plain text of a message body: text, else RTF, else HTML. */
function bodyText(m: MailMessage): string {
  if (m.bodyText) return m.bodyText;
  if (m.bodyRtf) {
    const r = convertRtf(m.bodyRtf);
    if (r.text) return r.text;
  }
  if (m.bodyHtml) return htmlToText(m.bodyHtml, { wordwrap: false });
  return "";
}

/**
 * The message as readable text: its body, then any contact/calendar fields and recipients it
 * carries (a TNEF recipient table can name people the enclosing MIME headers do not).
 */
function messageText(m: MailMessage): string {
  const parts = [bodyText(m)];
  const people = (["to", "cc", "bcc"] as const)
    .filter((k) => m.headers[k].length > 0)
    .map((k) => `${k[0]?.toUpperCase()}${k.slice(1)}: ${m.headers[k].join("; ")}`);
  const fields = Object.entries(m.fields).map(([k, v]) => `${k}: ${v}`);
  if (fields.length > 0) parts.push(fields.join("\n"));
  if (people.length > 0) parts.push(people.join("\n"));
  return parts.filter((p) => p.length > 0).join("\n\n");
}

/**
 * Extracts a TNEF attachment (winmail.dat): the message body as text and the attachments as
 * children (files, or messages for embedded messages).
 */
export const tnefExtractor: Extractor = async (input) => {
  if (!isTnef(input.bytes)) {
    return { text: "", exceptions: [{ reason: "corrupt", detail: "not a TNEF stream (bad signature)" }] };
  }
  const parsed = parseTnef(input.bytes, input.limits);
  const mail = mailFromMapi(parsed.message, { maxRtfBytes: input.limits.maxItemBytes });
  mergeNotes(mail, parsed);
  const children: ExtractChild[] = mail.attachments.map((a, i) => {
    const name =
      a.name ?? (a.message?.headers.subject ? `${a.message.headers.subject}.msg` : `attachment-${i + 1}`);
    if (a.message) return { type: "message", name, message: a.message };
    if (a.bytes) {
      const child: ExtractChild = { type: "file", name, bytes: a.bytes };
      if (a.mediaType) child.mediaType = a.mediaType;
      if (a.exceptions.length > 0) child.exceptions = a.exceptions;
      return child;
    }
    return {
      type: "unreadable",
      name,
      exception: a.exceptions[0] ?? { reason: "corrupt", detail: `attachment ${i + 1} has no data` },
    };
  });
  return {
    text: messageText(mail),
    children,
    declared: mail.declaredAttachments ?? children.length,
    exceptions: mail.exceptions,
    meta: { messageClass: mail.messageClass, attachments: children.length },
  };
};
