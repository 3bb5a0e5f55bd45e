import type { DataElement } from "../core/elements.js";

/** The elements the generator plants: a subset of the project's vocabulary (src/core/elements.ts). */
export const ELEMENT_CODES = [
  "PERSON_NAME",
  "DATE_OF_BIRTH",
  "DATE",
  "AGE",
  "SSN",
  "DRIVERS_LICENSE",
  "MRN",
  "HEALTH_PLAN_ID",
  "MEDICARE_ID",
  "MEDICAID_ID",
  "BANK_ACCOUNT",
  "PAYMENT_CARD",
  "NPI",
  "ICD_CODE",
  "CPT_CODE",
  "DIAGNOSIS",
  "MEDICATION",
  "PROCEDURE",
  "LAB_RESULT",
  "PROVIDER_NAME",
  "STREET_ADDRESS",
  "ZIP_CODE",
  "PHONE",
  "EMAIL",
] as const satisfies readonly DataElement[];

export type ElementCode = (typeof ELEMENT_CODES)[number];

/** Things that look like personal data but are not; a detector should leave them alone. */
export type DecoyKind =
  | "order-number"
  | "invoice-id"
  | "timestamp"
  | "org-zip4"
  | "fax-boilerplate"
  | "ticket-number"
  | "invalid-ssn"
  | "event-date"
  | "org-phone";
