import type { Ymd } from "./dates.js";
import { ageOn } from "./dates.js";
import type { Provider } from "./organization.js";
import type { Person } from "./people.js";
import type { Random } from "./random.js";
import type { TextDoc } from "./text-doc.js";
import { dateVariant, mbiVariant, nameVariant, phoneVariant, ssnVariant, typo } from "./variants.js";

/** Small writers that put one element of a person into a document with a varied label. */

export function name(doc: TextDoc, rng: Random, p: Person): TextDoc {
  if (!p.guarantorId && rng.chance(0.06)) {
    // "Mrs. Okafor": the title is not part of the name span.
    doc.add(p.sex === "F" ? rng.pick(["Ms. ", "Mrs. ", "Miss "]) : rng.pick(["Mr. ", "Mr "]));
    return doc.phi("PERSON_NAME", p.last, p.id);
  }
  const written = nameVariant(p, rng);
  // Now and then a name is mistyped; the gold span is what was typed.
  return doc.phi("PERSON_NAME", rng.chance(0.03) ? typo(written, rng) : written, p.id);
}

export function dob(doc: TextDoc, rng: Random, p: Person, label = true): TextDoc {
  if (label)
    doc.add(rng.pick(["DOB ", "DOB: ", "dob ", "D.O.B. ", "Date of birth: ", "born ", "DOB-", "birthdate "]));
  doc.phi("DATE_OF_BIRTH", dateVariant(p.dob, rng), p.id);
  return doc;
}

export function mrn(doc: TextDoc, rng: Random, p: Person, label = true): TextDoc {
  if (!p.inIndex) return doc;
  if (label)
    doc.add(
      rng.pick([
        "MRN ",
        "MRN: ",
        "MRN#",
        "MR# ",
        "Med Rec #",
        "acct ",
        "Acct #",
        "medical record number ",
        "mrn ",
      ]),
    );
  return doc.phi("MRN", p.id, p.id);
}

export function age(doc: TextDoc, rng: Random, p: Person, today: Ymd): TextDoc {
  const a = String(ageOn(p.dob, today));
  const form = rng.pick(["yo", " y/o", "-year-old", " year old", " yo", " yrs", "M", "F"]);
  doc.phi("AGE", a, p.id);
  if (form === "M" || form === "F") return doc.add(p.sex === "F" ? "F" : "M");
  return doc.add(form);
}

export function ssn(doc: TextDoc, rng: Random, p: Person, label = true): TextDoc {
  if (!p.ssn) return doc;
  if (label)
    doc.add(rng.pick(["SSN ", "SSN: ", "SS# ", "social ", "Social Security #: ", "soc sec ", "ss "]));
  return doc.phi("SSN", ssnVariant(p.ssn, rng), p.id);
}

export function phone(doc: TextDoc, rng: Random, p: Person, label = true): TextDoc {
  if (!p.phone) return doc;
  if (label) doc.add(rng.pick(["ph ", "Phone: ", "cell ", "tel. ", "call back # ", "home phone ", "c: "]));
  return doc.phi("PHONE", phoneVariant(p.phone, rng), p.id);
}

export function email(doc: TextDoc, p: Person): TextDoc {
  if (!p.email) return doc;
  return doc.phi("EMAIL", p.email, p.id);
}

/** Street, city, state and ZIP on one line (or two when `twoLines`). */
export function address(doc: TextDoc, rng: Random, p: Person, twoLines = false): TextDoc {
  const a = p.address;
  if (!a) return doc.add(rng.pick(["(no address on file)", "address unknown", "NO FIXED ADDRESS"]));
  const street = a.unit ? `${a.street}${rng.chance(0.5) ? ", " : " "}${a.unit}` : a.street;
  doc.phi("STREET_ADDRESS", rng.chance(0.1) ? street.toUpperCase() : street, p.id);
  doc.add(twoLines ? "\n" : ", ");
  doc.add(`${a.city}, ${a.state} `);
  return doc.phi("ZIP_CODE", a.zip, p.id);
}

export function insurance(doc: TextDoc, rng: Random, p: Person): TextDoc {
  if (p.mbi) {
    doc.add(rng.pick(["Medicare ID ", "MBI ", "Medicare # ", "MBI: "]));
    return doc.phi("MEDICARE_ID", mbiVariant(p.mbi, rng), p.id);
  }
  if (p.medicaidId) {
    doc.add(rng.pick(["Medicaid ID ", "HUSKY ID ", "Medicaid # "]));
    return doc.phi("MEDICAID_ID", p.medicaidId, p.id);
  }
  if (p.memberId) {
    doc.add(
      `${p.insurer ?? "insurance"} ${rng.pick(["member ID ", "ID# ", "mbr id ", "subscriber ID ", "policy # "])}`,
    );
    return doc.phi("HEALTH_PLAN_ID", p.memberId, p.id);
  }
  return doc.add(rng.pick(["self-pay", "no insurance on file", "uninsured"]));
}

export function provider(doc: TextDoc, rng: Random, pr: Provider, withNpi = false): TextDoc {
  const parts = pr.name.split(" ");
  const display = rng.pick([
    `Dr. ${parts[parts.length - 1]}`,
    `${pr.name}, ${pr.credential}`,
    `Dr. ${pr.name}`,
    pr.name,
  ]);
  doc.phi("PROVIDER_NAME", display);
  if (withNpi) {
    const label = rng.pick([" (NPI ", ", NPI: ", " NPI# "]);
    doc.add(label);
    doc.phi("NPI", pr.npi);
    if (label.startsWith(" (")) doc.add(")");
  }
  return doc;
}

/** The usual identity line: name, DOB and often the MRN. */
export function identity(doc: TextDoc, rng: Random, p: Person): TextDoc {
  name(doc, rng, p);
  doc.add(rng.pick([", ", " ", " - ", " / "]));
  dob(doc, rng, p);
  if (p.inIndex && rng.chance(0.6)) {
    doc.add(rng.pick([", ", " ", "; "]));
    mrn(doc, rng, p);
  }
  return doc;
}
