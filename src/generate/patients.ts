import { INSURERS } from "./clinical.js";
import type { Ymd } from "./dates.js";
import { addDays, ageOn } from "./dates.js";
import { driversLicense, mbi, memberId, mrn, phone, ssn } from "./identifiers.js";
import { MIDDLE_INITIALS, NAME_POOLS, type NamePool } from "./names.js";
import type { Address, Person } from "./people.js";
import { STATES, STREET_ROOTS, STREET_SUFFIXES, type StateInfo, UNIT_FORMS } from "./places.js";
import type { Random } from "./random.js";

export interface Population {
  /** Everyone in the EHR patient index, in MRN order of creation. */
  patients: Person[];
  /** Guarantors and relatives: real people who are not patients of the hospital. */
  outsiders: Person[];
  byId: Map<string, Person>;
}

/** Builds the patient index plus the non-patients (guarantors, relatives) mail may mention. */
export function generatePopulation(rng: Random, count: number, incidentDate: Ymd): Population {
  const patients: Person[] = [];
  const outsiders: Person[] = [];
  const mrnOffset = rng.int(0, 9_999_999);
  const usedEmails = new Set<string>();
  for (let i = 0; i < count; i++) {
    const p = basePerson(rng, incidentDate, mrn(i, mrnOffset), true, usedEmails);
    const age = ageOn(p.dob, incidentDate);
    if (age >= 18 && rng.chance(0.55)) p.ssn = ssn(rng);
    if (age < 18 && rng.chance(0.25)) p.ssn = ssn(rng);
    if (age >= 16 && rng.chance(0.3) && p.address) p.driversLicense = driversLicense(p.address.state, rng);
    if (age >= 65) {
      p.mbi = mbi(rng);
      p.insurer = "Medicare";
    } else if (rng.chance(0.9)) {
      const ins = rng.pick(INSURERS);
      p.insurer = ins.name;
      p.memberId = memberId(ins.prefix, rng);
      if (ins.name.includes("Medicaid")) p.medicaidId = `${rng.digits(9)}`;
    }
    if (age < 18) {
      const g = basePerson(rng, incidentDate, `EXT-${pad4(outsiders.length + 1)}`, false, usedEmails, 28, 60);
      g.last = rng.chance(0.8) ? p.last : g.last;
      g.address = p.address;
      g.relation = `guarantor of ${p.id}`;
      outsiders.push(g);
      p.guarantorId = g.id;
    } else if (rng.chance(0.04)) {
      const ageAtDeath = rng.int(0, 400);
      p.deceased = addDays(incidentDate, -ageAtDeath - 1);
    }
    if (age > 40 && rng.chance(0.3)) {
      const r = basePerson(rng, incidentDate, `EXT-${pad4(outsiders.length + 1)}`, false, usedEmails, 20, 70);
      if (rng.chance(0.6)) r.last = p.last;
      r.relation = `${rng.pick(["daughter", "son", "spouse", "sister", "brother", "caregiver"])} of ${p.id}`;
      outsiders.push(r);
    }
    patients.push(p);
  }
  const byId = new Map<string, Person>();
  for (const p of patients) byId.set(p.id, p);
  for (const p of outsiders) byId.set(p.id, p);
  return { patients, outsiders, byId };
}

function basePerson(
  rng: Random,
  today: Ymd,
  id: string,
  inIndex: boolean,
  usedEmails: Set<string>,
  minAge = 0,
  maxAge = 97,
): Person {
  const pool: NamePool = rng.weighted(NAME_POOLS.map((p) => [p, p.weight] as const));
  const sex = rng.chance(0.52) ? "F" : "M";
  const first = rng.pick(sex === "F" ? pool.female : pool.male);
  let last = rng.pick(pool.surnames);
  // Hyphenated and two-part surnames, common in Hispanic and married names.
  if (rng.chance(pool.origin === "hispanic" ? 0.3 : 0.05)) {
    const other = rng.pick(pool.surnames);
    if (other !== last)
      last = pool.origin === "hispanic" && rng.chance(0.5) ? `${last} ${other}` : `${last}-${other}`;
  }
  const age = minAge === 0 && rng.chance(0.16) ? rng.int(0, 17) : rng.int(Math.max(minAge, 18), maxAge);
  const dob = addDays(today, -(age * 365 + rng.int(0, 364) + Math.floor(age / 4)));
  const person: Person = { id, inIndex, first, last, sex, origin: pool.origin, dob };
  if (rng.chance(0.6))
    person.middle = rng.chance(0.5)
      ? rng.pick([...MIDDLE_INITIALS])
      : rng.pick(sex === "F" ? pool.female : pool.male);
  const state = rng.weighted(STATES.map((s) => [s, s.weight] as const));
  // Some patients have no usable address (homeless, unknown, returned mail).
  if (!inIndex || rng.chance(0.95)) person.address = address(rng, state);
  if (rng.chance(0.93)) person.phone = phone(rng.pick(state.areaCodes), rng);
  if (ageOn(dob, today) >= 14 && rng.chance(0.55)) {
    let email = `${ascii(first).toLowerCase()}${rng.pick([".", "_", ""])}${ascii(last).toLowerCase()}${rng.chance(0.5) ? rng.int(1, 99) : ""}@${rng.pick(["gmail.com", "yahoo.com", "outlook.com", "aol.com", "comcast.net", "icloud.com", "hotmail.com"])}`;
    if (usedEmails.has(email)) email = email.replace("@", `${rng.int(100, 999)}@`);
    usedEmails.add(email);
    person.email = email;
  }
  return person;
}

export function address(rng: Random, state: StateInfo): Address {
  const city = rng.pick(state.cities);
  const a: Address = {
    street: `${rng.int(1, 9899)} ${rng.chance(0.15) ? `${rng.pick(["N", "S", "E", "W"])} ` : ""}${rng.pick(STREET_ROOTS)} ${rng.pick(STREET_SUFFIXES)}`,
    city: city.name,
    state: state.code,
    zip: `${city.zip3}${String(rng.int(1, 99)).padStart(2, "0")}`,
  };
  if (rng.chance(0.2))
    a.unit = `${rng.pick(UNIT_FORMS)} ${rng.chance(0.5) ? rng.int(1, 40) : `${rng.int(1, 5)}${rng.pick(["A", "B", "C", "F", "R"])}`}`;
  return a;
}

/** Strips accents and punctuation for email local parts and file names. */
export function ascii(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]/g, "");
}

function pad4(n: number): string {
  return String(n).padStart(4, "0");
}
