import type { Ymd } from "./dates.js";
import type { Origin } from "./names.js";

export interface Address {
  street: string;
  unit?: string;
  city: string;
  state: string;
  zip: string;
}

/** A person the incident can expose: a patient from the index or someone outside it. */
export interface Person {
  /** The MRN for indexed patients, "EXT-nnnn" for people outside the index. */
  id: string;
  inIndex: boolean;
  first: string;
  middle?: string;
  last: string;
  sex: "F" | "M";
  origin: Origin;
  dob: Ymd;
  address?: Address;
  phone?: string;
  email?: string;
  ssn?: string;
  insurer?: string;
  memberId?: string;
  mbi?: string;
  medicaidId?: string;
  driversLicense?: string;
  /** For minors in the index: the responsible adult (a Person outside the index). */
  guarantorId?: string;
  deceased?: Ymd;
  /** For people outside the index: how they relate to a patient ("mother of 10029311"). */
  relation?: string;
}
