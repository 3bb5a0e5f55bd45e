import type { Random } from "./random.js";

/** Numbers published as examples (wallet cards, SSA advertising); never generate them. */
const RESERVED_SSNS = new Set(["078051120", "219099999", "123456789", "111111111", "457555462"]);

/** A valid-format SSN as nine digits: area not 000/666/9xx, group not 00, serial not 0000. */
export function ssn(rng: Random): string {
  for (;;) {
    const area = rng.int(1, 899);
    if (area === 666) continue;
    const value = `${pad(area, 3)}${pad(rng.int(1, 99), 2)}${pad(rng.int(1, 9999), 4)}`;
    if (!RESERVED_SSNS.has(value)) return value;
  }
}

/** An SSN-shaped decoy that no valid SSN can have (000, 666 or 9xx area; 00 group; 0000 serial). */
export function invalidSsn(rng: Random): string {
  switch (rng.int(0, 4)) {
    case 0:
      return `000${rng.digits(2).replace(/^00$/, "12")}${pad(rng.int(1, 9999), 4)}`;
    case 1:
      return `666${pad(rng.int(1, 99), 2)}${pad(rng.int(1, 9999), 4)}`;
    case 2:
      return `9${rng.digits(2)}${pad(rng.int(1, 99), 2)}${pad(rng.int(1, 9999), 4)}`;
    case 3:
      return `${pad(rng.int(1, 665), 3)}00${pad(rng.int(1, 9999), 4)}`;
    default:
      return `${pad(rng.int(1, 665), 3)}${pad(rng.int(1, 99), 2)}0000`;
  }
}

export function isValidSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  return (
    area !== "000" &&
    area !== "666" &&
    area[0] !== "9" &&
    digits.slice(3, 5) !== "00" &&
    digits.slice(5) !== "0000"
  );
}

// MBI letters exclude S, L, O, I, B and Z.
const MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY";
const MBI_ALNUM = `0123456789${MBI_ALPHA}`;

/** A Medicare Beneficiary Identifier in CMS format (11 characters, no dashes). */
export function mbi(rng: Random): string {
  const a = () => rng.pick([...MBI_ALPHA]);
  const an = () => rng.pick([...MBI_ALNUM]);
  const n = () => String(rng.int(0, 9));
  return `${rng.int(1, 9)}${a()}${an()}${n()}${a()}${an()}${n()}${a()}${a()}${n()}${n()}`;
}

export function isValidMbi(value: string): boolean {
  const A = `[${MBI_ALPHA}]`;
  const AN = `[0-9${MBI_ALPHA}]`;
  return new RegExp(`^[1-9]${A}${AN}\\d${A}${AN}\\d${A}${A}\\d\\d$`).test(value);
}

/** A hospital MRN: eight digits starting with 1, unique for index < 10 million (7919 is prime). */
export function mrn(index: number, offset: number): string {
  return `1${pad((index * 7919 + offset) % 10_000_000, 7)}`;
}

/** A National Provider Identifier: 10 digits with the Luhn check over "80840" + the first nine. */
export function npi(rng: Random): string {
  const base = `${rng.int(1, 2)}${rng.digits(8)}`;
  return base + luhnCheckDigit(`80840${base}`);
}

/** A 16-digit card number (test-range style prefix) with a valid Luhn check digit. */
export function paymentCard(rng: Random): string {
  const prefix = rng.pick(["4", "51", "52", "37", "6011"]);
  const length = prefix === "37" ? 15 : 16;
  const body = prefix + rng.digits(length - prefix.length - 1);
  return body + luhnCheckDigit(body);
}

export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  let double = true;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

export function bankAccount(rng: Random): string {
  return rng.digits(rng.int(9, 12)).replace(/^0/, "4");
}

/** A driver's licence number in the shape of the given state's format. */
export function driversLicense(state: string, rng: Random): string {
  switch (state) {
    case "CA":
      return `${rng.pick([..."ABCDEFGHJKMNPRSTWY"])}${rng.digits(7)}`;
    case "NY":
    case "CT":
      return rng.digits(9).replace(/^0/, "1");
    case "FL":
      return `${rng.pick([..."ABCDEFGHJKLMNPRSTW"])}${rng.digits(12)}`;
    case "MN":
      return `${rng.pick([..."ABCDEFGHJKLMNPRSTW"])}${rng.digits(12)}`;
    default:
      return rng.digits(8).replace(/^0/, "2");
  }
}

export function memberId(prefix: string, rng: Random): string {
  return `${prefix}${rng.digits(12 - prefix.length)}`;
}

/** A 10-digit NANP phone number; exchanges avoid 555 so it is not the fictional block. */
export function phone(areaCode: string, rng: Random): string {
  let exchange = rng.int(201, 989);
  if (exchange === 555) exchange = 556;
  return `${areaCode}${exchange}${rng.digits(4)}`;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
