import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { mailFromMapi } from "./mail-from-mapi.js";
import * as T from "./tags.js";
import type { MapiMessage, MapiProperties, MapiValue } from "./types.js";

function props(tagged: [number, MapiValue][], named: [string, MapiValue][] = []): MapiProperties {
  return { tagged: new Map(tagged), named: new Map(named) };
}

function message(p: MapiProperties, extra: Partial<MapiMessage> = {}): MapiMessage {
  return { props: p, recipients: [], attachments: [], ...extra };
}

// [MS-OXRTFCP] example: "{\rtf1\ansi\ansicpg1252\pard hello world}\r\n"
const COMPRESSED_RTF = new Uint8Array(
  Buffer.from(
    "2d0000002b0000004c5a4675f1c5c7a703000a007263706731323542320af32068656c09002062770" + "5b06c647d0a800fa0",
    "hex",
  ),
);

describe("mailFromMapi", () => {
  it("maps the envelope, recipients and bodies of a mail message", () => {
    const m = mailFromMapi(
      message(
        props([
          [T.PidTagMessageClass, "IPM.Note"],
          [T.PidTagSubject, "Lab results"],
          [T.PidTagSenderName, "Dr. Ann Lee"],
          [T.PidTagSenderEmailAddress, "/O=HOSP/OU=EXCHANGE/CN=RECIPIENTS/CN=ALEE"],
          [T.PidTagSenderSmtpAddress, "ann.lee@hosp.example"],
          [T.PidTagClientSubmitTime, new Date("2024-03-01T10:00:00Z")],
          [T.PidTagMessageDeliveryTime, new Date("2024-03-01T10:00:05Z")],
          [T.PidTagInternetMessageId, "<abc@hosp.example>"],
          [T.PidTagInReplyToId, "<prev@hosp.example>"],
          [T.PidTagTransportMessageHeaders, "Received: by mx\r\nSubject: Lab results\r\n"],
          [T.PidTagBody, "Plain body\r\n"],
          [T.PidTagRtfCompressed, COMPRESSED_RTF],
        ]),
        {
          recipients: [
            props([
              [T.PidTagRecipientType, T.MAPI_TO],
              [T.PidTagDisplayName, "Bob Ray"],
              [T.PidTagSmtpAddress, "bob@hosp.example"],
            ]),
            props([
              [T.PidTagRecipientType, T.MAPI_CC],
              [T.PidTagDisplayName, "Ray, Carol"],
              [T.PidTagEmailAddress, "carol@hosp.example"],
            ]),
            props([
              [T.PidTagRecipientType, T.MAPI_BCC | 0x10000000],
              [T.PidTagEmailAddress, "dan@hosp.example"],
            ]),
          ],
        },
      ),
    );
    expect(m.kind).toBe("message");
    expect(m.messageClass).toBe("IPM.Note");
    expect(m.headers).toEqual({
      from: "Dr. Ann Lee <ann.lee@hosp.example>",
      to: ["Bob Ray <bob@hosp.example>"],
      cc: ['"Ray, Carol" <carol@hosp.example>'],
      bcc: ["dan@hosp.example"],
      date: "2024-03-01T10:00:05.000Z",
      subject: "Lab results",
      messageId: "<abc@hosp.example>",
      inReplyTo: "<prev@hosp.example>",
    });
    expect(m.rawHeaders).toContain("Received: by mx");
    expect(m.bodyText).toBe("Plain body");
    expect(m.bodyRtf).toBe("{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n");
    expect(m.exceptions).toEqual([]);
    expect(m.fields).toEqual({});
  });

  it("falls back to display lists, submit time and the represented sender", () => {
    const m = mailFromMapi(
      message(
        props([
          [T.PidTagSentRepresentingName, "Front Desk"],
          [T.PidTagSentRepresentingSmtpAddress, "desk@hosp.example"],
          [T.PidTagClientSubmitTime, new Date("2023-12-31T23:59:59Z")],
          [T.PidTagDisplayTo, "Alice; Bob "],
          [T.PidTagDisplayCc, "Carol"],
          [T.PidTagSubjectPrefix, "RE:"],
          [T.PidTagNormalizedSubject, "Visit"],
        ]),
      ),
    );
    expect(m.headers.from).toBe("Front Desk <desk@hosp.example>");
    expect(m.headers.to).toEqual(["Alice", "Bob"]);
    expect(m.headers.cc).toEqual(["Carol"]);
    expect(m.headers.date).toBe("2023-12-31T23:59:59.000Z");
    expect(m.headers.subject).toBe("RE: Visit");
  });

  it("does not pair the sender's name with the represented mailbox's address", () => {
    const m = mailFromMapi(
      message(
        props([
          [T.PidTagSenderName, "Assistant"],
          [T.PidTagSenderEmailAddress, "/O=HOSP/CN=ASSISTANT"],
          [T.PidTagSentRepresentingName, "Dr. X"],
          [T.PidTagSentRepresentingSmtpAddress, "drx@hosp.example"],
        ]),
      ),
    );
    expect(m.headers.from).toBe("Assistant");
    expect(m.fields["Sent on behalf of"]).toBe("Dr. X <drx@hosp.example>");
  });

  it("decodes a binary HTML body with the Internet code page", () => {
    const html = iconv.encode("<p>患者 山田</p>", "cp932");
    const m = mailFromMapi(
      message(
        props([
          [T.PidTagHtml, new Uint8Array(html)],
          [T.PidTagInternetCodepage, 932],
        ]),
      ),
    );
    expect(m.bodyHtml).toBe("<p>患者 山田</p>");
    expect(m.exceptions).toEqual([]);
  });

  it("uses the HTML meta charset when no code page is given and flags unknown code pages", () => {
    const html = iconv.encode('<meta charset="windows-1252"><p>café</p>', "cp1252");
    expect(mailFromMapi(message(props([[T.PidTagHtml, new Uint8Array(html)]]))).bodyHtml).toContain("café");
    const unknown = mailFromMapi(
      message(
        props([
          [T.PidTagHtml, new Uint8Array(Buffer.from("<p>x</p>"))],
          [T.PidTagInternetCodepage, 99999],
        ]),
      ),
    );
    expect(unknown.bodyHtml).toBe("<p>x</p>");
    expect(unknown.exceptions.map((e) => e.reason)).toEqual(["charset-unknown"]);
  });

  it("collects a contact's PHI fields under readable labels", () => {
    const m = mailFromMapi(
      message(
        props(
          [
            [T.PidTagMessageClass, "IPM.Contact"],
            [T.PidTagGivenName, "Maria"],
            [T.PidTagSurname, "Lopez"],
            [T.PidTagBirthday, new Date("1970-05-04T00:00:00Z")],
            [T.PidTagHomeTelephoneNumber, "555-0100"],
            [T.PidTagMobileTelephoneNumber, "555-0101"],
            [T.PidTagHomeAddressStreet, "1 Main St"],
            [T.PidTagHomeAddressCity, "Springfield"],
            [T.PidTagHomeAddressPostalCode, "12345"],
            [T.PidTagCompanyName, "Acme"],
            [T.PidTagTitle, "Nurse"],
            [T.PidTagGovernmentIdNumber, "123-45-6789"],
            [T.PidTagChildrensNames, ["Ana", "Luis"]],
          ],
          [
            [T.PidLidEmail1EmailAddress, "maria@example.org"],
            [T.PidLidEmail1OriginalDisplayName, "Maria Lopez"],
            [T.PidLidEmail2EmailAddress, "ml@example.net"],
            [T.PidLidEmail2DisplayName, "Maria Lopez (ml@example.net)"],
            [T.PidLidWorkAddress, "2 Work Rd\r\nShelbyville"],
          ],
        ),
      ),
    );
    expect(m.kind).toBe("contact");
    expect(m.fields).toEqual({
      "Given name": "Maria",
      Surname: "Lopez",
      Birthday: "1970-05-04T00:00:00.000Z",
      Children: "Ana; Luis",
      "Government ID": "123-45-6789",
      Company: "Acme",
      "Job title": "Nurse",
      "Home phone": "555-0100",
      "Mobile phone": "555-0101",
      "Business address": "2 Work Rd\r\nShelbyville",
      "Home address": "1 Main St, Springfield, 12345",
      "Email 1": "Maria Lopez <maria@example.org>",
      "Email 2": "Maria Lopez (ml@example.net)",
    });
  });

  it("maps appointment and task times", () => {
    const appt = mailFromMapi(
      message(
        props(
          [[T.PidTagMessageClass, "IPM.Appointment"]],
          [
            [T.PidLidLocation, "Clinic room 4"],
            [T.PidLidAppointmentStartWhole, new Date("2024-01-02T15:00:00Z")],
            [T.PidLidAppointmentEndWhole, new Date("2024-01-02T15:30:00Z")],
          ],
        ),
      ),
    );
    expect(appt.kind).toBe("appointment");
    expect(appt.fields).toEqual({
      Location: "Clinic room 4",
      Start: "2024-01-02T15:00:00.000Z",
      End: "2024-01-02T15:30:00.000Z",
    });
    const task = mailFromMapi(
      message(
        props(
          [[T.PidTagMessageClass, "IPM.Task"]],
          [
            [T.PidLidTaskStartDate, new Date("2024-02-01T00:00:00Z")],
            [T.PidLidTaskDueDate, new Date("2024-02-03T00:00:00Z")],
            // 4501-01-01 means "no date" in Outlook
            [T.PidLidTaskDateCompleted, new Date("4501-01-01T00:00:00Z")],
          ],
        ),
      ),
    );
    expect(task.kind).toBe("task");
    expect(task.fields).toEqual({ Start: "2024-02-01T00:00:00.000Z", Due: "2024-02-03T00:00:00.000Z" });
    expect(mailFromMapi(message(props([[T.PidTagMessageClass, "IPM.StickyNote"]]))).kind).toBe("note");
  });

  it("maps attachments: files, inline images, embedded messages and references", () => {
    const inner = message(props([[T.PidTagSubject, "Inner"]]), {
      attachments: [
        {
          props: props([
            [T.PidTagAttachLongFilename, "deep.txt"],
            [T.PidTagAttachDataBinary, new Uint8Array([1])],
          ]),
        },
      ],
      declaredAttachments: 1,
    });
    const m = mailFromMapi(
      message(props([[T.PidTagSubject, "Outer"]]), {
        declaredAttachments: 5,
        attachments: [
          {
            props: props([
              [T.PidTagAttachMethod, T.ATTACH_METHOD.byValue],
              [T.PidTagAttachFilename, "LABS~1.PDF"],
              [T.PidTagAttachLongFilename, "labs.pdf"],
              [T.PidTagAttachMimeTag, "application/pdf"],
              [T.PidTagAttachDataBinary, new Uint8Array([0x25, 0x50, 0x44, 0x46])],
            ]),
          },
          {
            props: props([
              [T.PidTagAttachFilename, "image001.png"],
              [T.PidTagAttachContentId, "<image001@01D>"],
              [T.PidTagAttachFlags, T.ATT_MHTML_REF],
              [T.PidTagAttachDataBinary, new Uint8Array([0x89])],
            ]),
          },
          {
            props: props([
              [T.PidTagAttachMethod, T.ATTACH_METHOD.embeddedMessage],
              [T.PidTagDisplayName, "Inner"],
            ]),
            embedded: inner,
          },
          {
            props: props([
              [T.PidTagAttachMethod, T.ATTACH_METHOD.byReference],
              [T.PidTagAttachLongFilename, "share.docx"],
            ]),
          },
          { props: props([[T.PidTagAttachMethod, T.ATTACH_METHOD.embeddedMessage]]) },
        ],
      }),
    );
    expect(m.declaredAttachments).toBe(5);
    expect(m.attachments).toHaveLength(5);
    const [pdf, img, emb, ref, broken] = m.attachments;
    expect(pdf).toMatchObject({ name: "labs.pdf", mediaType: "application/pdf", exceptions: [] });
    expect(pdf?.bytes?.length).toBe(4);
    expect(img).toMatchObject({ name: "image001.png", contentId: "image001@01D", inline: true });
    expect(emb?.name).toBe("Inner");
    expect(emb?.message?.headers.subject).toBe("Inner");
    expect(emb?.message?.attachments[0]?.name).toBe("deep.txt");
    expect(emb?.message?.declaredAttachments).toBe(1);
    expect(ref?.bytes).toBeUndefined();
    expect(ref?.exceptions).toEqual([
      expect.objectContaining({
        reason: "unsupported-type",
        detail: expect.stringContaining("attach method 2"),
      }),
    ]);
    expect(broken?.exceptions[0]?.reason).toBe("corrupt");
  });

  it("reports damaged compressed RTF on the message", () => {
    const bad = COMPRESSED_RTF.slice();
    bad[13] = 0x00;
    const m = mailFromMapi(message(props([[T.PidTagRtfCompressed, bad]])));
    expect(m.bodyRtf).toContain("hello world");
    expect(m.exceptions).toEqual([
      { reason: "corrupt", detail: "compressed RTF CRC mismatch", where: "RTF body" },
    ]);
  });

  it("strips NUL terminators in linear time (hostile input)", { timeout: 10_000 }, () => {
    const nuls = "\0".repeat(1_000_000);
    const m = mailFromMapi(message(props([[T.PidTagBody, `${nuls}x${nuls}`]])));
    expect(m.bodyText?.length).toBe(1_000_001);
  });
});
