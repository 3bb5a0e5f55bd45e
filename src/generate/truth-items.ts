import type { AttachmentSpan, TextKind } from "./attachment.js";
import type { Outgoing } from "./outgoing.js";
import type { TruthLocation, TruthWriter } from "./truth.js";

/** Records a delivered message in the truth: the body (with the subject), every attachment and ZIP member, any attached message. */
export async function recordItems(
  truth: TruthWriter,
  m: Outgoing,
  messageId: string,
  text: string,
  locations: TruthLocation[],
): Promise<void> {
  await truth.item({
    messageId,
    part: "body",
    textKind: "body",
    subject: m.subject.toString(),
    subjectSpans: m.subject.spans,
    locations,
    spans: m.body.spans,
    decoys: m.body.decoys,
    text,
  });
  let index = 0;
  for (const a of m.attachments) {
    index++;
    if (a.entries) {
      for (const e of a.entries) {
        await truth.item({
          messageId,
          part: "attachment",
          textKind: e.textKind,
          attachment: {
            index,
            name: a.name,
            mediaType: a.mediaType,
            entry: e.name,
            boilerplatePages: e.boilerplatePages,
          },
          locations,
          spans: e.spans,
          decoys: e.decoys,
          text: e.text,
        });
      }
    } else {
      await truth.item({
        messageId,
        part: "attachment",
        textKind: a.textKind,
        attachment: { index, name: a.name, mediaType: a.mediaType, boilerplatePages: a.boilerplatePages },
        locations,
        spans: a.spans,
        decoys: a.decoys,
        text: a.text,
      });
    }
  }
  if (m.forwardedSource) {
    index++;
    await truth.item({
      messageId,
      part: "attachment",
      textKind: "message" satisfies TextKind,
      attachment: { index, name: m.forwardedSource.name, mediaType: "message/rfc822" },
      locations,
      spans: m.forwardedSource.body.spans as AttachmentSpan[],
      decoys: m.forwardedSource.body.decoys,
      text: m.forwardedSource.body.toString(),
    });
  }
}
