import { npi, phone } from "./identifiers.js";
import { NAME_POOLS } from "./names.js";
import type { Random } from "./random.js";

export interface Provider {
  name: string;
  credential: "MD" | "DO" | "NP" | "PA-C";
  npi: string;
  department: string;
}

/** The hospital whose mail was compromised: its own identifiers are not patient data. */
export interface Organization {
  name: string;
  shortName: string;
  domain: string;
  street: string;
  city: string;
  state: string;
  zip4: string;
  phone: string;
  fax: string;
  providers: Provider[];
  /** External partners who send and receive PHI. */
  partners: { name: string; domain: string }[];
}

const ORG_ROOTS = [
  "Hartwell",
  "Saint Brendan",
  "Quinnipiac Valley",
  "Mercy Ridge",
  "Shoreline",
  "Farmington River",
  "Blackstone",
  "Elmhurst",
];
const ORG_KINDS = ["Medical Center", "Regional Hospital", "Health", "Community Hospital"];

export function makeOrganization(rng: Random, departments: readonly string[]): Organization {
  const root = rng.pick(ORG_ROOTS);
  const kind = rng.pick(ORG_KINDS);
  const slug = root.toLowerCase().replace(/[^a-z]/g, "");
  const providers: Provider[] = [];
  for (let i = 0; i < 14; i++) {
    const pool = rng.weighted(NAME_POOLS.map((p) => [p, p.weight] as const));
    const first = rng.pick(rng.chance(0.5) ? pool.female : pool.male);
    providers.push({
      name: `${first} ${rng.pick(pool.surnames)}`,
      credential: rng.weighted([
        ["MD", 6],
        ["DO", 2],
        ["NP", 2],
        ["PA-C", 1],
      ] as const),
      npi: npi(rng),
      department: rng.pick(departments),
    });
  }
  return {
    name: `${root} ${kind}`,
    shortName: root,
    domain: `${slug}health.org`,
    street: `${rng.int(10, 999)} ${rng.pick(["Hospital", "Medical Center", "Washington", "Retreat"])} ${rng.pick(["Ave", "Dr", "Way"])}`,
    city: "Hartford",
    state: "CT",
    zip4: `061${rng.int(0, 9)}${rng.int(0, 9)}-${rng.digits(4)}`,
    phone: phone("860", rng),
    fax: phone("860", rng),
    providers,
    partners: [
      { name: "Prior Auth Unit, Anthem", domain: "anthem.com" },
      { name: "Quest Diagnostics", domain: "questdiagnostics.com" },
      { name: "Hartford HealthCare Referrals", domain: "hhchealth.org" },
      { name: "Change Healthcare Claims", domain: "changehealthcare.com" },
      { name: "Yale New Haven Health", domain: "ynhh.org" },
      { name: "Medical Billing Associates", domain: "mbaclaims.com" },
    ],
  };
}
