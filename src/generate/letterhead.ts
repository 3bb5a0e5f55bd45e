import type { GenContext } from "./context.js";
import type { TextDoc } from "./text-doc.js";
import { phoneVariant } from "./variants.js";

/** The hospital's own name, address and numbers: organisational, so recorded as decoys. */
export function letterhead(doc: TextDoc, ctx: GenContext): TextDoc {
  const { org, rng } = ctx;
  doc.line(org.name.toUpperCase());
  doc.add(`${org.street}, ${org.city}, ${org.state} `).decoy("org-zip4", org.zip4).line();
  doc.add("Tel ").decoy("org-phone", phoneVariant(org.phone, rng));
  doc.add("  Fax ").decoy("org-phone", phoneVariant(org.fax, rng)).line();
  return doc;
}

export const FAX_NOTICES = [
  "CONFIDENTIALITY NOTICE: This facsimile contains privileged and confidential information intended only for the use of the addressee. If you have received this fax in error, please notify the sender immediately and destroy all copies.",
  "The documents accompanying this transmission contain confidential health information that is legally privileged. If you are not the intended recipient, you are hereby notified that any disclosure, copying or distribution is strictly prohibited.",
  "NOTICE: This message may contain protected health information (PHI). Re-disclosure without patient authorization is prohibited by federal law (45 CFR Part 164).",
];

/** Fax cover boilerplate, which mentions "patient" and "health information" but names no one. */
export function faxNotice(doc: TextDoc, ctx: GenContext): TextDoc {
  return doc.decoy("fax-boilerplate", ctx.rng.pick(FAX_NOTICES)).line();
}
