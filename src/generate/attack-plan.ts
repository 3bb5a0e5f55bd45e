import type { Compromise } from "./audit-log.js";
import type { Random } from "./random.js";
import type { Staff } from "./staff.js";

/** The hospital's own egress addresses; all addresses are RFC 5737 documentation ranges. */
export const HOSPITAL_IPS = ["198.51.100.23", "198.51.100.24"];
export const ATTACKER_IPS = ["203.0.113.77", "203.0.113.145", "192.0.2.201"];

/**
 * The attack: the billing mailbox (and sometimes one more) taken over for a few days shortly
 * before discovery, a forwarding rule, and sometimes a desktop client syncing whole folders.
 */
export function planAttack(rng: Random, staff: readonly Staff[], incidentMs: number): Compromise[] {
  const windowEnd = incidentMs - rng.int(1, 3) * 86_400_000 - rng.int(0, 36_000_000);
  const windowStart = windowEnd - rng.int(2, 5) * 86_400_000;
  const compromisedStaff = [staff[0]!];
  if (staff.length > 1 && rng.chance(0.5)) compromisedStaff.push(staff[rng.int(1, staff.length - 1)]!);
  const compromises: Compromise[] = compromisedStaff.map((s, i) => {
    const start = windowStart + i * rng.int(3, 20) * 3_600_000;
    // A desktop client syncs whole folders; a browser session (OWA) only binds the items it opens.
    const syncs = rng.chance(0.4) ? [{ folder: "Inbox", at: start + rng.int(20, 90) * 60_000 }] : [];
    if (syncs.length && rng.chance(0.5))
      syncs.push({ folder: "Sent Items", at: start + rng.int(100, 300) * 60_000 });
    return {
      user: s.user,
      upn: s.email,
      windowStart: start,
      windowEnd,
      syncs,
      attackerIps: rng.sample(ATTACKER_IPS, 2),
      forwardTo: `${rng.pick(["accounts.receivable", "billing.dept", "payroll.update", "docs.share"])}${rng.int(10, 99)}@${rng.pick(["protonmail.com", "gmx.com", "outlook.com", "mail.com"])}`,
      ruleName: rng.pick([".", "..", "RSS", "Clear", "x"]),
      ruleAt: start + rng.int(5, 40) * 60_000,
    };
  });
  return compromises;
}
