import { csvField } from "./csv.js";
import { isoDate } from "./dates.js";
import type { Person } from "./people.js";

export const PATIENT_INDEX_COLUMNS = [
  "MRN",
  "LastName",
  "FirstName",
  "MiddleName",
  "DOB",
  "Sex",
  "Street",
  "Unit",
  "City",
  "State",
  "ZIP",
  "Phone",
  "Email",
  "SSN",
  "Insurer",
  "MemberID",
  "MBI",
  "MedicaidID",
  "GuarantorName",
  "Deceased",
  "DeceasedDate",
] as const;

/** What registration types when there is no usable address. */
const NO_ADDRESS = ["", "HOMELESS", "UNKNOWN", "NO FIXED ADDRESS", "RETURNED MAIL"];

/** Renders the EHR patient index as CSV (RFC 4180, CRLF, UTF-8, dates ISO 8601). */
export function patientIndexCsv(patients: readonly Person[], byId: ReadonlyMap<string, Person>): string {
  const lines = [PATIENT_INDEX_COLUMNS.join(",")];
  for (const p of patients) {
    const g = p.guarantorId ? byId.get(p.guarantorId) : undefined;
    const a = p.address;
    const row = [
      p.id,
      p.last,
      p.first,
      p.middle ?? "",
      isoDate(p.dob),
      p.sex,
      a?.street ?? NO_ADDRESS[Number(p.id.slice(-1)) % NO_ADDRESS.length]!,
      a?.unit ?? "",
      a?.city ?? "",
      a?.state ?? "",
      a?.zip ?? "",
      p.phone ?? "",
      p.email ?? "",
      p.ssn ? `${p.ssn.slice(0, 3)}-${p.ssn.slice(3, 5)}-${p.ssn.slice(5)}` : "",
      p.insurer ?? "",
      p.memberId ?? "",
      p.mbi ?? "",
      p.medicaidId ?? "",
      g ? `${g.last}, ${g.first}` : "",
      p.deceased ? "Y" : "N",
      p.deceased ? isoDate(p.deceased) : "",
    ];
    lines.push(row.map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
