/**
 * The public vocabulary of data elements. Regulators and state laws turn on these: an SSN or
 * a driver's licence triggers state duties, a diagnosis or a plan number makes a HIPAA breach.
 * Each belongs to a category used by the HHS report and the letters.
 */
export type ElementCategory =
  | "demographic"
  | "identity"
  | "financial"
  | "clinical"
  | "insurance"
  | "contact"
  | "credentials";

export const ELEMENTS = {
  PERSON_NAME: { category: "demographic", label: "Name" },
  DATE_OF_BIRTH: { category: "demographic", label: "Date of birth" },
  DATE: { category: "clinical", label: "Dates of service, admission, discharge or death" },
  AGE: { category: "demographic", label: "Age" },
  SSN: { category: "identity", label: "Social Security number" },
  ITIN: { category: "identity", label: "Individual taxpayer identification number" },
  DRIVERS_LICENSE: { category: "identity", label: "Driver's licence or state ID number" },
  PASSPORT: { category: "identity", label: "Passport number" },
  MRN: { category: "identity", label: "Medical record or patient account number" },
  HEALTH_PLAN_ID: { category: "insurance", label: "Health plan member, group, policy or claim number" },
  MEDICARE_ID: { category: "insurance", label: "Medicare beneficiary identifier" },
  MEDICAID_ID: { category: "insurance", label: "Medicaid identifier" },
  BANK_ACCOUNT: { category: "financial", label: "Bank account number" },
  ROUTING_NUMBER: { category: "financial", label: "Bank routing number" },
  PAYMENT_CARD: { category: "financial", label: "Payment card number" },
  NPI: { category: "identity", label: "National Provider Identifier" },
  DEA_NUMBER: { category: "identity", label: "DEA registration number" },
  ICD_CODE: { category: "clinical", label: "Diagnosis code (ICD)" },
  CPT_CODE: { category: "clinical", label: "Procedure code (CPT/HCPCS)" },
  DIAGNOSIS: { category: "clinical", label: "Diagnosis or condition" },
  MEDICATION: { category: "clinical", label: "Medication" },
  PROCEDURE: { category: "clinical", label: "Procedure or treatment" },
  LAB_RESULT: { category: "clinical", label: "Lab result" },
  PROVIDER_NAME: { category: "clinical", label: "Provider name" },
  STREET_ADDRESS: { category: "contact", label: "Street address" },
  LOCATION: { category: "contact", label: "City, county or facility" },
  ZIP_CODE: { category: "contact", label: "ZIP code" },
  PHONE: { category: "contact", label: "Phone number" },
  FAX: { category: "contact", label: "Fax number" },
  EMAIL: { category: "contact", label: "Email address" },
  URL: { category: "contact", label: "Web address" },
  IP_ADDRESS: { category: "contact", label: "IP address" },
  DEVICE_ID: { category: "identity", label: "Device identifier or serial number" },
  VEHICLE_ID: { category: "identity", label: "Vehicle identifier or plate" },
  CREDENTIALS: { category: "credentials", label: "Username with password or security answer" },
  BIOMETRIC: { category: "identity", label: "Biometric identifier" },
} as const satisfies Record<string, { category: ElementCategory; label: string }>;

export type DataElement = keyof typeof ELEMENTS;

export function isDataElement(value: string): value is DataElement {
  return Object.hasOwn(ELEMENTS, value);
}
