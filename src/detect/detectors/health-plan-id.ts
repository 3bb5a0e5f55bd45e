import { docHas, findContext, lexicon } from "../context.js";
import { cellAt } from "../document.js";
import { labelledDetector } from "../kit.js";
import { mbiValid } from "../validators/mbi.js";

const OTHER_PROGRAM = lexicon([
  "medicare",
  "medicaid",
  "mbi",
  "hicn",
  "medi-cal",
  "masshealth",
  "tenncare",
  "soonercare",
  "badgercare",
  "ahcccs",
  "husky",
  "kancare",
  "mainecare",
]);
/** Payer names before a bare "ID#" make it a plan member ID ("Blue Cross Blue Shield ID# ZBR6566317"). */
const INSURER = lexicon([
  "insurance",
  "insurer",
  "payer",
  "health plan",
  "blue cross",
  "blue shield",
  "bcbs",
  "aetna",
  "cigna",
  "humana",
  "unitedhealthcare",
  "united healthcare",
  "uhc",
  "anthem",
  "kaiser",
  "tricare",
  "molina",
  "wellcare",
  "ambetter",
  "highmark",
  "harvard pilgrim",
  "tufts",
  "emblem",
  "oscar",
  "carefirst",
  "premera",
  "regence",
]);

/**
 * Health plan member, subscriber, group, policy and claim numbers: label or column header required
 * (Member ID, Subscriber #, Group No., Policy Number, Claim #, Insurance ID…). A value that is a
 * valid MBI, or whose label names Medicare/Medicaid, is left to those detectors.
 */
export const healthPlanId = labelledDetector({
  id: "health-plan-id",
  element: "HEALTH_PLAN_ID",
  description: "Health plan member/subscriber/group/policy/claim numbers identified by label or header.",
  version: "1.0.0",
  labels: [
    "member id",
    "member #",
    "member no",
    "member number",
    "mbr id",
    "mbr #",
    "mem id",
    "subscriber id",
    "subscriber #",
    "subscriber no",
    "subscriber number",
    "sub id",
    "group #",
    "group no",
    "group number",
    "group id",
    "grp #",
    "grp no",
    "policy #",
    "policy no",
    "policy number",
    "policy id",
    "pol #",
    "claim #",
    "claim no",
    "claim number",
    "claim id",
    "insurance id",
    "insurance #",
    "insurance no",
    "ins id",
    "ins #",
    "plan id",
    "health plan id",
    "id card #",
    "certificate #",
    "cert #",
    "id#",
    "id #",
    "id no",
  ],
  strictLabels: ["member", "subscriber", "group", "policy", "claim"],
  headers: [
    "member id",
    "member #",
    "member no",
    "member number",
    "subscriber id",
    "subscriber #",
    "subscriber no",
    "subscriber",
    "group #",
    "group no",
    "group number",
    "group id",
    "group",
    "policy #",
    "policy no",
    "policy number",
    "policy",
    "claim #",
    "claim no",
    "claim number",
    "claim id",
    "insurance id",
    "insurance #",
    "ins id",
    "plan id",
  ],
  notHeaders: ["medicare", "medicaid", "mbi"],
  value: String.raw`(?:[A-Za-z]{1,4}[- ]?)?\d[\dA-Za-z]*(?:-[\dA-Za-z]+)*`,
  minDigits: 4,
  check(value, doc, start, label) {
    if (
      /^id/.test(label) &&
      findContext(doc, start, start + value.length, INSURER, { before: 70, header: false }).length === 0
    )
      return { ok: false };
    if (value.length > 24 || /^(?:19|20)\d\d$/.test(value)) return { ok: false };
    if (mbiValid(value)) return { ok: false, note: "MBI" };
    if (
      docHas(doc, OTHER_PROGRAM) &&
      findContext(doc, start, start + value.length, OTHER_PROGRAM, { before: 30 }).length > 0
    )
      return { ok: false };
    // In a table row whose payer cell names Medicare or a Medicaid program, the ID is theirs.
    const loc = cellAt(doc, start, start + value.length);
    if (loc && docHas(doc, OTHER_PROGRAM)) {
      OTHER_PROGRAM.re.lastIndex = 0;
      if (OTHER_PROGRAM.re.test(doc.text.slice(loc.row.start, loc.row.end))) return { ok: false };
    }
    return { ok: true };
  },
  examples: [
    { text: "Member ID: XYZ123456789", expect: ["XYZ123456789"] },
    { text: "Group # 0045821", expect: ["0045821"] },
    { text: "Policy Number W998877665", expect: ["W998877665"] },
    { text: "Claim no. 2024-0099812", expect: ["2024-0099812"] },
    { text: "Sheet: Ins\nPayer\tSubscriber #\nAetna\tW123456789", expect: ["W123456789"] },
    { text: "Medicare ID: 1EG4TE5MK73", expect: [] },
    { text: "Member ID: 1EG4TE5MK73", expect: [] },
    { text: "Medicaid member id 12345678", expect: [] },
    { text: "group of 12345 people", expect: [] },
    { text: "policy updated on Monday", expect: [] },
    { text: "Group: 98765", expect: ["98765"] },
    { text: "the group 98765 met", expect: [] },
    { text: "Claim: 2024 review pending", expect: [] },
    { text: "Insurance: Blue Cross Blue Shield of Rhode Island ID# ZBR656631792", expect: ["ZBR656631792"] },
    { text: "Badge ID# 4471902", expect: [] },
  ],
});
