import type { MailAddress } from "./mime.js";
import { NAME_POOLS } from "./names.js";
import type { Organization } from "./organization.js";
import { ascii } from "./patients.js";
import type { Random } from "./random.js";

export type Role =
  | "billing"
  | "scheduling"
  | "nursing"
  | "hr"
  | "physician"
  | "case-management"
  | "registration"
  | "it"
  | "lab"
  | "compliance";

const ROLE_ORDER: readonly Role[] = [
  "billing",
  "scheduling",
  "nursing",
  "hr",
  "physician",
  "case-management",
  "registration",
  "lab",
  "it",
  "compliance",
];

const TITLES: Record<Role, readonly string[]> = {
  billing: ["Billing Specialist", "Patient Accounts Representative", "Revenue Cycle Analyst"],
  scheduling: ["Scheduling Coordinator", "Patient Access Representative"],
  nursing: ["RN, Care Coordinator", "Nurse Manager, 4 West", "Charge Nurse"],
  hr: ["HR Generalist", "Benefits Coordinator"],
  physician: ["MD, Internal Medicine", "MD, Cardiology", "DO, Family Medicine"],
  "case-management": ["Case Manager, LCSW", "Utilization Review Nurse"],
  registration: ["Registration Clerk", "Front Desk Supervisor"],
  it: ["IT Service Desk Analyst", "Systems Administrator"],
  lab: ["Lab Supervisor", "Medical Technologist"],
  compliance: ["Privacy Officer", "Compliance Analyst"],
};

export interface Staff {
  user: string;
  name: string;
  email: string;
  role: Role;
  title: string;
  address: MailAddress;
}

/** Mailbox owners: the first five roles always, then more roles and second holders. */
export function makeStaff(rng: Random, org: Organization, count: number): Staff[] {
  const staff: Staff[] = [];
  const users = new Set<string>();
  for (let i = 0; i < count; i++) {
    const role = ROLE_ORDER[i % ROLE_ORDER.length] as Role;
    const pool = rng.weighted(NAME_POOLS.map((p) => [p, p.weight] as const));
    const first = rng.pick(rng.chance(0.6) ? pool.female : pool.male);
    const last = rng.pick(pool.surnames);
    let user = `${ascii(first)[0] ?? "x"}${ascii(last)}`.toLowerCase();
    for (let n = 2; users.has(user); n++) user = `${ascii(first)[0] ?? "x"}${ascii(last)}${n}`.toLowerCase();
    users.add(user);
    const name = `${first} ${last}`;
    const email = `${user}@${org.domain}`;
    staff.push({ user, name, email, role, title: rng.pick(TITLES[role]), address: { name, email } });
  }
  return staff;
}

/** Shared and external addresses that mail goes to or comes from. */
export function externalAddress(rng: Random, org: Organization): MailAddress {
  const partner = rng.pick(org.partners);
  const local = rng.pick([
    "referrals",
    "priorauth",
    "claims",
    "results",
    "intake",
    "provider.services",
    "appeals",
  ]);
  return { name: partner.name, email: `${local}@${partner.domain}` };
}
