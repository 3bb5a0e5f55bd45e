import { formatAddress } from "./address.js";
import { firstText, type PropKey, textProp } from "./mapi-values.js";
import * as T from "./tags.js";
import type { MapiProperties } from "./types.js";

/**
 * Text fields beyond headers and bodies that can carry personal data (contacts, calendar,
 * tasks). Each label takes the first of its keys that has a value.
 */
const FIELD_SOURCES: readonly (readonly [string, readonly PropKey[]])[] = [
  // Names and identity
  ["Display name prefix", [T.PidTagDisplayNamePrefix]],
  ["Given name", [T.PidTagGivenName]],
  ["Middle name", [T.PidTagMiddleName]],
  ["Surname", [T.PidTagSurname]],
  ["Generation", [T.PidTagGeneration]],
  ["Nickname", [T.PidTagNickname]],
  ["Initials", [T.PidTagInitials]],
  ["File as", [T.PidLidFileUnder]],
  ["Birthday", [T.PidTagBirthday]],
  ["Anniversary", [T.PidTagWeddingAnniversary]],
  ["Spouse", [T.PidTagSpouseName]],
  ["Children", [T.PidTagChildrensNames]],
  ["Government ID", [T.PidTagGovernmentIdNumber]],
  ["Customer ID", [T.PidTagCustomerId]],
  ["Organizational ID", [T.PidTagOrganizationalIdNumber]],
  ["Account", [T.PidTagAccount]],
  ["Hobbies", [T.PidTagHobbies]],
  ["Language", [T.PidTagLanguage]],
  // Work
  ["Company", [T.PidTagCompanyName]],
  ["Job title", [T.PidTagTitle]],
  ["Department", [T.PidTagDepartmentName, T.PidLidDepartment]],
  ["Office", [T.PidTagOfficeLocation]],
  ["Profession", [T.PidTagProfession]],
  ["Manager", [T.PidTagManagerName]],
  ["Assistant", [T.PidTagAssistant]],
  // Phones
  ["Business phone", [T.PidTagBusinessTelephoneNumber]],
  ["Business phone 2", [T.PidTagBusiness2TelephoneNumber]],
  ["Home phone", [T.PidTagHomeTelephoneNumber]],
  ["Home phone 2", [T.PidTagHome2TelephoneNumber]],
  ["Mobile phone", [T.PidTagMobileTelephoneNumber]],
  ["Primary phone", [T.PidTagPrimaryTelephoneNumber]],
  ["Other phone", [T.PidTagOtherTelephoneNumber]],
  ["Company main phone", [T.PidTagCompanyMainTelephoneNumber]],
  ["Assistant phone", [T.PidTagAssistantTelephoneNumber]],
  ["Callback phone", [T.PidTagCallbackTelephoneNumber]],
  ["Car phone", [T.PidTagCarTelephoneNumber]],
  ["Pager", [T.PidTagPagerTelephoneNumber]],
  ["Radio phone", [T.PidTagRadioTelephoneNumber]],
  ["ISDN", [T.PidTagIsdnNumber]],
  ["TTY/TDD phone", [T.PidTagTtyTddPhoneNumber]],
  ["Telex", [T.PidTagTelexNumber]],
  ["Business fax", [T.PidTagBusinessFaxNumber]],
  ["Home fax", [T.PidTagHomeFaxNumber]],
  ["Primary fax", [T.PidTagPrimaryFaxNumber]],
  // Addresses
  ["Mailing address", [T.PidTagPostalAddress]],
  ["Post office box", [T.PidTagPostOfficeBox]],
  ["Home post office box", [T.PidTagHomeAddressPostOfficeBox]],
  ["Web page", [T.PidTagPersonalHomePage, T.PidLidHtml]],
  ["Business web page", [T.PidTagBusinessHomePage]],
  ["IM address", [T.PidLidInstantMessagingAddress]],
  ["User field 1", [T.PidLidContactUserField1]],
  ["User field 2", [T.PidLidContactUserField2]],
  ["User field 3", [T.PidLidContactUserField3]],
  ["User field 4", [T.PidLidContactUserField4]],
  // Calendar and tasks
  ["Location", [T.PidLidLocation, T.PidLidWhere]],
  ["Start", [T.PidLidAppointmentStartWhole, T.PidLidTaskStartDate, T.PidLidCommonStart, T.PidTagStartDate]],
  ["End", [T.PidLidAppointmentEndWhole, T.PidLidCommonEnd, T.PidTagEndDate]],
  ["Due", [T.PidLidTaskDueDate]],
  ["Completed", [T.PidLidTaskDateCompleted]],
  ["Recurrence", [T.PidLidRecurrencePattern]],
  ["Attendees", [T.PidLidAllAttendeesString]],
  ["Required attendees", [T.PidLidToAttendeesString]],
  ["Optional attendees", [T.PidLidCcAttendeesString]],
  ["Task owner", [T.PidLidTaskOwner]],
  ["Assigned by", [T.PidLidTaskAssigner]],
  // Common
  ["Companies", [T.PidLidCompanies]],
  ["Contacts", [T.PidLidContacts]],
  ["Billing", [T.PidLidBilling]],
  ["Mileage", [T.PidLidMileage]],
  ["Categories", [T.PidNameKeywords]],
];

/** Composite addresses: the full form Outlook keeps, else the parts joined in reading order. */
const ADDRESS_SOURCES: readonly (readonly [string, PropKey, readonly PropKey[]])[] = [
  [
    "Business address",
    T.PidLidWorkAddress,
    [
      T.PidLidWorkAddressStreet,
      T.PidLidWorkAddressCity,
      T.PidLidWorkAddressState,
      T.PidLidWorkAddressPostalCode,
      T.PidLidWorkAddressCountry,
    ],
  ],
  [
    "Home address",
    T.PidLidHomeAddress,
    [
      T.PidTagHomeAddressStreet,
      T.PidTagHomeAddressCity,
      T.PidTagHomeAddressStateOrProvince,
      T.PidTagHomeAddressPostalCode,
      T.PidTagHomeAddressCountry,
    ],
  ],
  [
    "Other address",
    T.PidLidOtherAddress,
    [
      T.PidTagOtherAddressStreet,
      T.PidTagOtherAddressCity,
      T.PidTagOtherAddressStateOrProvince,
      T.PidTagOtherAddressPostalCode,
      T.PidTagOtherAddressCountry,
    ],
  ],
];

/** A contact's business address parts stored as tagged properties (older Outlook versions). */
const TAGGED_BUSINESS_ADDRESS: readonly PropKey[] = [
  T.PidTagStreetAddress,
  T.PidTagLocality,
  T.PidTagStateOrProvince,
  T.PidTagPostalCode,
  T.PidTagCountry,
];

const EMAILS: readonly (readonly [string, PropKey, PropKey, PropKey])[] = [
  ["Email 1", T.PidLidEmail1EmailAddress, T.PidLidEmail1OriginalDisplayName, T.PidLidEmail1DisplayName],
  ["Email 2", T.PidLidEmail2EmailAddress, T.PidLidEmail2OriginalDisplayName, T.PidLidEmail2DisplayName],
  ["Email 3", T.PidLidEmail3EmailAddress, T.PidLidEmail3OriginalDisplayName, T.PidLidEmail3DisplayName],
];

function joinParts(props: MapiProperties, keys: readonly PropKey[]): string | undefined {
  const parts = keys.map((k) => textProp(props, k)).filter((s): s is string => s !== undefined);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

/** Collects the PHI-bearing text fields of an Outlook item under readable labels. */
export function fieldsFromMapi(props: MapiProperties): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [label, keys] of FIELD_SOURCES) {
    const v = firstText(props, keys);
    if (v) fields[label] = v;
  }
  for (const [label, full, parts] of ADDRESS_SOURCES) {
    const v = textProp(props, full) ?? joinParts(props, parts);
    if (v) fields[label] = v;
  }
  if (!fields["Business address"]) {
    const v = joinParts(props, TAGGED_BUSINESS_ADDRESS);
    if (v) fields["Business address"] = v;
  }
  for (const [label, addrKey, origNameKey, nameKey] of EMAILS) {
    const addr = textProp(props, addrKey);
    const name = textProp(props, nameKey) ?? textProp(props, origNameKey);
    // Outlook's display name is often "Name (addr)"; then the address adds nothing.
    const v = addr && name?.includes(addr) ? name : formatAddress(name, addr);
    if (v) fields[label] = v;
  }
  return fields;
}
