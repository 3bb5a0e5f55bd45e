/** TNEF constants ([MS-OXTNEF] 2.1.3). Attribute ids are compared on their low 16 bits. */
export const TNEF_SIGNATURE = 0x223e9f78;

export const LVL_MESSAGE = 0x01;
export const LVL_ATTACHMENT = 0x02;

export const ATT = {
  from: 0x8000,
  subject: 0x8004,
  dateSent: 0x8005,
  dateRecd: 0x8006,
  messageClass: 0x8008,
  messageId: 0x8009,
  body: 0x800c,
  attachData: 0x800f,
  attachTitle: 0x8010,
  attachMetaFile: 0x8011,
  attachCreateDate: 0x8012,
  attachModifyDate: 0x8013,
  dateModified: 0x8020,
  attachTransportFilename: 0x9001,
  attachRendData: 0x9002,
  msgProps: 0x9003,
  recipTable: 0x9004,
  attachment: 0x9005,
  tnefVersion: 0x9006,
  oemCodepage: 0x9007,
} as const;

/** IID_IMessage: a PT_OBJECT attachment value that holds an embedded message (as TNEF). */
export const IID_IMESSAGE = "00020307-0000-0000-c000-000000000046";
