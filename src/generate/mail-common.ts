import type { GenContext } from "./context.js";
import { FAX_NOTICES } from "./letterhead.js";
import type { Staff } from "./staff.js";
import type { TextDoc } from "./text-doc.js";
import { phoneVariant, roughen } from "./variants.js";

export function greeting(doc: TextDoc, ctx: GenContext, to?: string): TextDoc {
  const first = to?.split(" ")[0];
  const g = ctx.rng.pick([
    "Hi",
    "Hello",
    "Good morning",
    "Good afternoon",
    "Hey",
    "Dear",
    "Hi all",
    "Team",
    "Morning",
    "Hi there",
    "All",
    "",
  ]);
  if (!g) return doc;
  return doc.line(g === "Hi all" || g === "Team" || !first ? `${g},` : `${g} ${first},`).line();
}

const CLOSINGS = [
  "Thanks,",
  "Thank you,",
  "Best,",
  "Regards,",
  "Thx",
  "Thanks!",
  "Best regards,",
  "-",
  "Sincerely,",
  "Much appreciated,",
];

const EMAIL_DISCLAIMERS = [
  ...FAX_NOTICES,
  "This e-mail, including attachments, may include confidential and/or proprietary information, and may be used only by the person or entity to which it is addressed. If the reader of this e-mail is not the intended recipient, please notify the sender by reply e-mail and delete this message.",
];

/** Closing, signature block with the hospital's numbers (decoys) and sometimes a disclaimer. */
export function signature(doc: TextDoc, ctx: GenContext, from: Staff): TextDoc {
  const { rng, org } = ctx;
  doc.line().line(rng.pick(CLOSINGS));
  doc.line(rng.chance(0.3) ? from.name.split(" ")[0] : from.name);
  if (rng.chance(0.75)) {
    doc.line(from.title).line(org.name);
    if (rng.chance(0.7)) {
      doc
        .add(rng.pick(["P: ", "Phone ", "Direct: ", "o. "]))
        .decoy("org-phone", phoneVariant(org.phone, rng));
      if (rng.chance(0.5))
        doc.add(rng.pick([" | F: ", "  Fax ", " f. "])).decoy("org-phone", phoneVariant(org.fax, rng));
      doc.line();
    }
  }
  if (rng.chance(0.35)) doc.line().decoy("fax-boilerplate", rng.pick(EMAIL_DISCLAIMERS)).line();
  return doc;
}

/** A sentence of filler with optional typos; `options` are alternatives for the same idea. */
export function say(doc: TextDoc, ctx: GenContext, options: readonly string[], end = " "): TextDoc {
  return doc.add(roughen(ctx.rng.pick(options), ctx.rng) + end);
}
