import type { AttachmentSource } from "./attachment-source.js";
import type { GenContext } from "./context.js";
import { ADMIN_KINDS, buildAdminDraft } from "./mail-admin.js";
import { signature } from "./mail-common.js";
import { buildPhiDraft, PHI_KINDS_BY_ROLE } from "./mail-phi.js";
import type { MailAddress } from "./mime.js";
import type { Outgoing } from "./outgoing.js";
import { forward, reply } from "./replies.js";
import { externalAddress, type Staff } from "./staff.js";
import type { TextDoc } from "./text-doc.js";
import type { ThreadPool } from "./threads.js";

/** Picks what happens next: a new message with or without PHI, a reply, or a forward. */
export async function nextMessage(
  ctx: GenContext,
  staff: Staff[],
  threads: ThreadPool,
  files: AttachmentSource,
): Promise<Outgoing | undefined> {
  const { rng, org } = ctx;
  const roll = rng.next();
  if (threads.size > 0 && roll < 0.22) return reply(ctx, staff, threads);
  if (threads.size > 0 && roll < 0.3) return forward(ctx, staff, threads);
  const sender = rng.pick(staff);
  const others = staff.filter((s) => s !== sender);
  if (roll < 0.72) {
    const kinds = PHI_KINDS_BY_ROLE[sender.role] ?? ["referral"];
    const kind = rng.pick(kinds);
    const incoming = rng.chance(0.2);
    const toStaff = incoming ? [sender] : others.length ? rng.sample(others, rng.chance(0.8) ? 1 : 2) : [];
    const draft = await buildPhiDraft(
      ctx,
      kind,
      files,
      incoming ? sender.name : (toStaff[0]?.name ?? "team"),
    );
    if (incoming) {
      const from = externalAddress(rng, org);
      externalSignature(draft.body, from);
      return {
        from,
        to: [sender.address],
        toStaff: [sender],
        cc: [],
        ccStaff: [],
        subject: draft.subject,
        body: draft.body,
        attachments: draft.attachments,
        about: draft.about,
      };
    }
    signature(draft.body, ctx, sender);
    const ext = draft.external || toStaff.length === 0;
    const to = ext ? [externalAddress(rng, org)] : toStaff.map((s) => s.address);
    const ccStaff = ext && others.length && rng.chance(0.4) ? [rng.pick(others)] : [];
    return {
      from: sender.address,
      fromStaff: sender,
      to,
      toStaff: ext ? [] : toStaff,
      cc: ccStaff.map((s) => s.address),
      ccStaff,
      subject: draft.subject,
      body: draft.body,
      attachments: draft.attachments,
      about: draft.about,
    };
  }
  const kind = rng.pick(ADMIN_KINDS);
  const toStaff = others.length ? [rng.pick(others)] : [sender];
  const draft = buildAdminDraft(ctx, kind, toStaff[0]!.name);
  if (draft.broadcast || kind === "vendor-invoice") {
    const from =
      kind === "vendor-invoice" || kind === "newsletter"
        ? {
            name: kind === "newsletter" ? `${org.shortName} Communications` : "Accounts Receivable",
            email:
              kind === "newsletter"
                ? `news@${org.domain}`
                : `ar@${rng.pick(["medline.com", "cardinalhealth.com", "stericycle.com", "cintas.com"])}`,
          }
        : {
            name: kind === "it-notice" ? "IT Service Desk" : "Human Resources",
            email: `${kind === "it-notice" ? "servicedesk" : "hr"}@${org.domain}`,
          };
    const broadcast = draft.broadcast;
    return {
      from,
      to: broadcast ? [{ name: "All Staff", email: `allstaff@${org.domain}` }] : [toStaff[0]!.address],
      toStaff: broadcast ? [] : toStaff,
      cc: [],
      ccStaff: [],
      subject: draft.subject,
      body: draft.body,
      attachments: [],
      broadcast,
    };
  }
  signature(draft.body, ctx, sender);
  return {
    from: sender.address,
    fromStaff: sender,
    to: toStaff.map((s) => s.address),
    toStaff,
    cc: [],
    ccStaff: [],
    subject: draft.subject,
    body: draft.body,
    attachments: [],
  };
}

function externalSignature(body: TextDoc, from: MailAddress): void {
  body
    .line()
    .line("Thank you,")
    .line(from.name ?? from.email);
}
