/**
 * MAPI property identifiers ([MS-OXPROPS]) used when turning Outlook items into MailMessages.
 * Tagged properties are the upper 16 bits of the property tag; named properties are keyed as
 * documented in types.ts ("<set guid>:0x<lid>").
 */

// Message envelope
export const PidTagMessageClass = 0x001a;
export const PidTagSubject = 0x0037;
export const PidTagSubjectPrefix = 0x003d;
export const PidTagNormalizedSubject = 0x0e1d;
export const PidTagConversationTopic = 0x0070;
export const PidTagClientSubmitTime = 0x0039;
export const PidTagMessageDeliveryTime = 0x0e06;
export const PidTagCreationTime = 0x3007;
export const PidTagLastModificationTime = 0x3008;
export const PidTagStartDate = 0x0060;
export const PidTagEndDate = 0x0061;
export const PidTagInternetMessageId = 0x1035;
export const PidTagInReplyToId = 0x1042;
export const PidTagInternetReferences = 0x1039;
export const PidTagTransportMessageHeaders = 0x007d;
export const PidTagMessageFlags = 0x0e07;
export const PidTagImportance = 0x0017;

// Sender and "sent on behalf of"
export const PidTagSenderName = 0x0c1a;
export const PidTagSenderAddressType = 0x0c1e;
export const PidTagSenderEmailAddress = 0x0c1f;
export const PidTagSenderSmtpAddress = 0x5d01;
export const PidTagSentRepresentingName = 0x0042;
export const PidTagSentRepresentingAddressType = 0x0064;
export const PidTagSentRepresentingEmailAddress = 0x0065;
export const PidTagSentRepresentingSmtpAddress = 0x5d02;
export const PidTagReceivedByName = 0x0040;
export const PidTagReceivedByEmailAddress = 0x0076;
export const PidTagReceivedBySmtpAddress = 0x5d07;

// Display lists (fallback when there is no recipient table)
export const PidTagDisplayBcc = 0x0e02;
export const PidTagDisplayCc = 0x0e03;
export const PidTagDisplayTo = 0x0e04;

// Bodies
export const PidTagBody = 0x1000;
export const PidTagRtfCompressed = 0x1009;
export const PidTagHtml = 0x1013;
export const PidTagInternetCodepage = 0x3fde;
export const PidTagMessageCodepage = 0x3ffd;
export const PidTagMessageLocaleId = 0x3ff1;
export const PidTagStoreSupportMask = 0x340d;

// Recipients
export const PidTagRecipientType = 0x0c15;
export const PidTagDisplayName = 0x3001;
export const PidTagAddressType = 0x3002;
export const PidTagEmailAddress = 0x3003;
export const PidTagComment = 0x3004;
export const PidTagSmtpAddress = 0x39fe;
export const PidTagRecipientDisplayName = 0x5ff6;
export const PidTagTransmittableDisplayName = 0x3a20;

/** PidTagRecipientType values. */
export const MAPI_TO = 1;
export const MAPI_CC = 2;
export const MAPI_BCC = 3;

// Attachments
export const PidTagAttachSize = 0x0e20;
export const PidTagAttachNumber = 0x0e21;
export const PidTagAttachDataBinary = 0x3701;
export const PidTagAttachEncoding = 0x3702;
export const PidTagAttachExtension = 0x3703;
export const PidTagAttachFilename = 0x3704;
export const PidTagAttachMethod = 0x3705;
export const PidTagAttachLongFilename = 0x3707;
export const PidTagAttachPathname = 0x3708;
export const PidTagRenderingPosition = 0x370b;
export const PidTagAttachLongPathname = 0x370d;
export const PidTagAttachMimeTag = 0x370e;
export const PidTagAttachContentId = 0x3712;
export const PidTagAttachContentLocation = 0x3713;
export const PidTagAttachFlags = 0x3714;
export const PidTagAttachmentFlags = 0x7ffd;
export const PidTagAttachmentHidden = 0x7ffe;
export const PidTagAttachmentContactPhoto = 0x7fff;

/** PidTagAttachMethod values ([MS-OXCMSG] 2.2.2.9). */
export const ATTACH_METHOD = {
  none: 0,
  byValue: 1,
  byReference: 2,
  byReferenceResolve: 3,
  byReferenceOnly: 4,
  embeddedMessage: 5,
  ole: 6,
  byWebReference: 7,
} as const;

/** PidTagAttachFlags bit: the attachment is rendered inline in the HTML body. */
export const ATT_MHTML_REF = 0x4;

// Contact (tagged)
export const PidTagAccount = 0x3a00;
export const PidTagCallbackTelephoneNumber = 0x3a02;
export const PidTagGeneration = 0x3a05;
export const PidTagGivenName = 0x3a06;
export const PidTagGovernmentIdNumber = 0x3a07;
export const PidTagBusinessTelephoneNumber = 0x3a08;
export const PidTagHomeTelephoneNumber = 0x3a09;
export const PidTagInitials = 0x3a0a;
export const PidTagLanguage = 0x3a0c;
export const PidTagLocation = 0x3a0d;
export const PidTagOrganizationalIdNumber = 0x3a10;
export const PidTagSurname = 0x3a11;
export const PidTagPostalAddress = 0x3a15;
export const PidTagCompanyName = 0x3a16;
export const PidTagTitle = 0x3a17;
export const PidTagDepartmentName = 0x3a18;
export const PidTagOfficeLocation = 0x3a19;
export const PidTagPrimaryTelephoneNumber = 0x3a1a;
export const PidTagBusiness2TelephoneNumber = 0x3a1b;
export const PidTagMobileTelephoneNumber = 0x3a1c;
export const PidTagRadioTelephoneNumber = 0x3a1d;
export const PidTagCarTelephoneNumber = 0x3a1e;
export const PidTagOtherTelephoneNumber = 0x3a1f;
export const PidTagPagerTelephoneNumber = 0x3a21;
export const PidTagPrimaryFaxNumber = 0x3a23;
export const PidTagBusinessFaxNumber = 0x3a24;
export const PidTagHomeFaxNumber = 0x3a25;
export const PidTagCountry = 0x3a26;
export const PidTagLocality = 0x3a27;
export const PidTagStateOrProvince = 0x3a28;
export const PidTagStreetAddress = 0x3a29;
export const PidTagPostalCode = 0x3a2a;
export const PidTagPostOfficeBox = 0x3a2b;
export const PidTagTelexNumber = 0x3a2c;
export const PidTagIsdnNumber = 0x3a2d;
export const PidTagAssistantTelephoneNumber = 0x3a2e;
export const PidTagHome2TelephoneNumber = 0x3a2f;
export const PidTagAssistant = 0x3a30;
export const PidTagWeddingAnniversary = 0x3a41;
export const PidTagBirthday = 0x3a42;
export const PidTagHobbies = 0x3a43;
export const PidTagMiddleName = 0x3a44;
export const PidTagDisplayNamePrefix = 0x3a45;
export const PidTagProfession = 0x3a46;
export const PidTagSpouseName = 0x3a48;
export const PidTagCustomerId = 0x3a4a;
export const PidTagTtyTddPhoneNumber = 0x3a4b;
export const PidTagManagerName = 0x3a4e;
export const PidTagNickname = 0x3a4f;
export const PidTagPersonalHomePage = 0x3a50;
export const PidTagBusinessHomePage = 0x3a51;
export const PidTagCompanyMainTelephoneNumber = 0x3a57;
export const PidTagChildrensNames = 0x3a58;
export const PidTagHomeAddressCity = 0x3a59;
export const PidTagHomeAddressCountry = 0x3a5a;
export const PidTagHomeAddressPostalCode = 0x3a5b;
export const PidTagHomeAddressStateOrProvince = 0x3a5c;
export const PidTagHomeAddressStreet = 0x3a5d;
export const PidTagHomeAddressPostOfficeBox = 0x3a5e;
export const PidTagOtherAddressCity = 0x3a5f;
export const PidTagOtherAddressCountry = 0x3a60;
export const PidTagOtherAddressPostalCode = 0x3a61;
export const PidTagOtherAddressStateOrProvince = 0x3a62;
export const PidTagOtherAddressStreet = 0x3a63;
export const PidTagOtherAddressPostOfficeBox = 0x3a64;

// Property sets (lowercase canonical GUIDs, as used in MapiProperties.named keys)
export const PSETID_Address = "00062004-0000-0000-c000-000000000046";
export const PSETID_Appointment = "00062002-0000-0000-c000-000000000046";
export const PSETID_Task = "00062003-0000-0000-c000-000000000046";
export const PSETID_Common = "00062008-0000-0000-c000-000000000046";
export const PSETID_Note = "0006200e-0000-0000-c000-000000000046";
export const PSETID_Meeting = "6ed8da90-450b-101b-98da-00aa003f1305";
export const PS_PUBLIC_STRINGS = "00020329-0000-0000-c000-000000000046";
export const PS_INTERNET_HEADERS = "00020386-0000-0000-c000-000000000046";
export const PS_MAPI = "00020328-0000-0000-c000-000000000046";

/** The key of a named property with a numeric LID, in the format MapiProperties.named uses. */
export function lidKey(set: string, lid: number): string {
  return `${set}:0x${lid.toString(16).padStart(4, "0")}`;
}

/** The key of a named property with a string name. */
export function nameKey(set: string, name: string): string {
  return `${set}:${name}`;
}

// Contact (named, PSETID_Address)
export const PidLidFileUnder = lidKey(PSETID_Address, 0x8005);
export const PidLidDepartment = lidKey(PSETID_Address, 0x8010);
export const PidLidHomeAddress = lidKey(PSETID_Address, 0x801a);
export const PidLidWorkAddress = lidKey(PSETID_Address, 0x801b);
export const PidLidOtherAddress = lidKey(PSETID_Address, 0x801c);
export const PidLidHtml = lidKey(PSETID_Address, 0x802b);
export const PidLidWorkAddressStreet = lidKey(PSETID_Address, 0x8045);
export const PidLidWorkAddressCity = lidKey(PSETID_Address, 0x8046);
export const PidLidWorkAddressState = lidKey(PSETID_Address, 0x8047);
export const PidLidWorkAddressPostalCode = lidKey(PSETID_Address, 0x8048);
export const PidLidWorkAddressCountry = lidKey(PSETID_Address, 0x8049);
export const PidLidWorkAddressPostOfficeBox = lidKey(PSETID_Address, 0x804a);
export const PidLidContactUserField1 = lidKey(PSETID_Address, 0x804f);
export const PidLidContactUserField2 = lidKey(PSETID_Address, 0x8050);
export const PidLidContactUserField3 = lidKey(PSETID_Address, 0x8051);
export const PidLidContactUserField4 = lidKey(PSETID_Address, 0x8052);
export const PidLidInstantMessagingAddress = lidKey(PSETID_Address, 0x8062);
export const PidLidEmail1DisplayName = lidKey(PSETID_Address, 0x8080);
export const PidLidEmail1EmailAddress = lidKey(PSETID_Address, 0x8083);
export const PidLidEmail1OriginalDisplayName = lidKey(PSETID_Address, 0x8084);
export const PidLidEmail2DisplayName = lidKey(PSETID_Address, 0x8090);
export const PidLidEmail2EmailAddress = lidKey(PSETID_Address, 0x8093);
export const PidLidEmail2OriginalDisplayName = lidKey(PSETID_Address, 0x8094);
export const PidLidEmail3DisplayName = lidKey(PSETID_Address, 0x80a0);
export const PidLidEmail3EmailAddress = lidKey(PSETID_Address, 0x80a3);
export const PidLidEmail3OriginalDisplayName = lidKey(PSETID_Address, 0x80a4);

// Appointment (named, PSETID_Appointment)
export const PidLidBusyStatus = lidKey(PSETID_Appointment, 0x8205);
export const PidLidLocation = lidKey(PSETID_Appointment, 0x8208);
export const PidLidAppointmentStartWhole = lidKey(PSETID_Appointment, 0x820d);
export const PidLidAppointmentEndWhole = lidKey(PSETID_Appointment, 0x820e);
export const PidLidAppointmentDuration = lidKey(PSETID_Appointment, 0x8213);
export const PidLidRecurrencePattern = lidKey(PSETID_Appointment, 0x8232);
export const PidLidTimeZoneDescription = lidKey(PSETID_Appointment, 0x8234);
export const PidLidAllAttendeesString = lidKey(PSETID_Appointment, 0x8238);
export const PidLidToAttendeesString = lidKey(PSETID_Appointment, 0x823b);
export const PidLidCcAttendeesString = lidKey(PSETID_Appointment, 0x823c);

// Meeting (named, PSETID_Meeting)
export const PidLidWhere = lidKey(PSETID_Meeting, 0x0002);

// Task (named, PSETID_Task)
export const PidLidTaskStatus = lidKey(PSETID_Task, 0x8101);
export const PidLidPercentComplete = lidKey(PSETID_Task, 0x8102);
export const PidLidTaskStartDate = lidKey(PSETID_Task, 0x8104);
export const PidLidTaskDueDate = lidKey(PSETID_Task, 0x8105);
export const PidLidTaskDateCompleted = lidKey(PSETID_Task, 0x810f);
export const PidLidTaskOwner = lidKey(PSETID_Task, 0x811f);
export const PidLidTaskAssigner = lidKey(PSETID_Task, 0x8121);

// Common (named, PSETID_Common)
export const PidLidReminderTime = lidKey(PSETID_Common, 0x8502);
export const PidLidCommonStart = lidKey(PSETID_Common, 0x8516);
export const PidLidCommonEnd = lidKey(PSETID_Common, 0x8517);
export const PidLidMileage = lidKey(PSETID_Common, 0x8534);
export const PidLidBilling = lidKey(PSETID_Common, 0x8535);
export const PidLidCompanies = lidKey(PSETID_Common, 0x8539);
export const PidLidContacts = lidKey(PSETID_Common, 0x853a);

// Public strings
export const PidNameKeywords = nameKey(PS_PUBLIC_STRINGS, "Keywords");
