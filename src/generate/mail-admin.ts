import type { GenContext } from "./context.js";
import { addDays, MONTH_NAMES, p2 } from "./dates.js";
import { invalidSsn } from "./identifiers.js";
import { greeting, say } from "./mail-common.js";
import { TextDoc } from "./text-doc.js";
import { dateVariant, phoneVariant } from "./variants.js";

/** Everyday mail with no patient data, full of numbers and dates that only look personal. */
export type AdminKind =
  | "it-notice"
  | "hr"
  | "newsletter"
  | "meeting"
  | "vendor-invoice"
  | "social"
  | "security-training";

export const ADMIN_KINDS: readonly AdminKind[] = [
  "it-notice",
  "hr",
  "newsletter",
  "meeting",
  "vendor-invoice",
  "social",
  "security-training",
];

export interface AdminDraft {
  subject: TextDoc;
  body: TextDoc;
  /** Broadcast mail goes to everyone. */
  broadcast: boolean;
}

export function buildAdminDraft(ctx: GenContext, kind: AdminKind, toName: string): AdminDraft {
  const { rng, org } = ctx;
  const body = new TextDoc();
  const when = () => addDays(ctx.now, rng.int(-60, 30));
  switch (kind) {
    case "it-notice": {
      greeting(body, ctx, rng.chance(0.5) ? undefined : toName);
      say(
        body,
        ctx,
        [
          "Epic will be down for scheduled maintenance on",
          "The VPN gateway will be patched on",
          "Outlook on the web will be unavailable briefly on",
          "We are upgrading the Citrix servers on",
        ],
        "",
      );
      body.add(" ").decoy("event-date", dateVariant(when(), rng));
      body
        .add(" from ")
        .decoy("timestamp", `${rng.int(0, 4)}:00`)
        .add(" to ")
        .decoy("timestamp", `${rng.int(5, 6)}:30 AM`)
        .line(".");
      say(body, ctx, ["Your ticket number is", "Reference incident", "Change request"], "");
      body
        .add(" ")
        .decoy("ticket-number", `INC${rng.digits(7)}`)
        .line(".");
      say(body, ctx, ["Call the service desk at", "Questions? Dial", "Help desk:"], "");
      body
        .add(" ")
        .decoy("ticket-number", `${rng.digits(3)}-${rng.digits(3)}-${rng.digits(4)}`)
        .line(" (ext. 4357).");
      body
        .add("Logged at ")
        .decoy(
          "timestamp",
          `${dateVariant(when(), rng)} ${p2(rng.int(0, 23))}:${p2(rng.int(0, 59))}:${p2(rng.int(0, 59))}`,
        )
        .line();
      return {
        subject: new TextDoc().add(
          rng.pick(["Planned downtime", "IT Notice", "Maintenance window", "[IT] Service update"]),
        ),
        body,
        broadcast: true,
      };
    }
    case "hr": {
      greeting(body, ctx, toName);
      say(
        body,
        ctx,
        [
          "Open enrollment runs through",
          "Timesheets are due by",
          "Reminder: annual competencies must be completed by",
          "Payroll will post early on",
        ],
        "",
      );
      body.add(" ").decoy("event-date", dateVariant(when(), rng)).line(".");
      say(
        body,
        ctx,
        [
          "Test records in the payroll sandbox use placeholder numbers like",
          "Do not use the sample SSN shown on the form,",
          "The template still shows the dummy number",
        ],
        "",
      );
      body
        .add(" ")
        .decoy("invalid-ssn", formatSsnish(invalidSsn(rng), rng))
        .line(".");
      say(
        body,
        ctx,
        [
          "Contact HR with any questions.",
          "The benefits fair is in the cafeteria.",
          "Thanks for all you do!",
        ],
        "\n",
      );
      return {
        subject: new TextDoc().add(
          rng.pick(["Open enrollment", "Timesheet reminder", "HR update", "Annual competencies"]),
        ),
        body,
        broadcast: rng.chance(0.6),
      };
    }
    case "newsletter": {
      const d = when();
      body
        .add(`${org.name} Weekly - `)
        .decoy("event-date", `${MONTH_NAMES[d.m - 1]} ${d.d}, ${d.y}`)
        .line()
        .line();
      say(
        body,
        ctx,
        [
          "Congratulations to 4 West for achieving zero falls this quarter!",
          "The new parking garage opens next month.",
          "Flu shots are available at Employee Health.",
          "Our Magnet redesignation site visit is coming up.",
        ],
        "\n",
      );
      say(body, ctx, ["Join the wellness walk on", "Town hall with the CEO on", "Blood drive on"], "");
      body.add(" ").decoy("event-date", dateVariant(when(), rng)).line(".");
      body.add(`${org.street}, ${org.city}, ${org.state} `).decoy("org-zip4", org.zip4).line();
      return {
        subject: new TextDoc().add(
          rng.pick(["This week at the hospital", "Weekly newsletter", "Employee news", "The Pulse"]),
        ),
        body,
        broadcast: true,
      };
    }
    case "meeting": {
      greeting(body, ctx, toName);
      say(body, ctx, ["You're invited to", "Please join", "Rescheduling our"], "");
      body.add(
        rng.pick([
          " the revenue cycle huddle",
          " the staffing meeting",
          " the Epic go-live review",
          " the quality committee",
        ]),
      );
      body
        .add(" on ")
        .decoy("event-date", dateVariant(when(), rng))
        .add(" at ")
        .decoy("timestamp", `${rng.int(8, 16)}:${rng.pick(["00", "30"])}`)
        .line(".");
      body
        .add("Teams meeting ID: ")
        .decoy("ticket-number", `${rng.digits(3)} ${rng.digits(3)} ${rng.digits(3)} ${rng.digits(3)}`)
        .line();
      body
        .add("Dial in: ")
        .decoy("org-phone", phoneVariant(org.phone, rng))
        .add(",,")
        .decoy("ticket-number", `${rng.digits(9)}#`)
        .line();
      return {
        subject: new TextDoc().add(
          rng.pick(["Meeting invite", "Huddle", "Updated invitation", "Staff meeting"]),
        ),
        body,
        broadcast: false,
      };
    }
    case "vendor-invoice": {
      greeting(body, ctx, toName);
      say(body, ctx, ["Please find our invoice", "Invoice", "Payment reminder for invoice"], "");
      body.add(" ").decoy("invoice-id", `${rng.pick(["INV", "SI", "2025-"])}${rng.digits(6)}`);
      body
        .add(" for PO ")
        .decoy("order-number", `PO${rng.digits(8)}`)
        .line(".");
      body
        .add("Order number ")
        .decoy("order-number", `${rng.digits(3)}-${rng.digits(7)}-${rng.digits(7)}`)
        .line();
      body
        .add(`Amount due: $${rng.int(200, 90000)}.${p2(rng.int(0, 99))}, due `)
        .decoy("event-date", dateVariant(when(), rng))
        .line(".");
      body
        .add("Remit to: PO Box ")
        .add(String(rng.int(100, 99999)))
        .add(", Pittsburgh, PA ")
        .decoy("org-zip4", `15${rng.digits(3)}-${rng.digits(4)}`)
        .line();
      return {
        subject: new TextDoc().add(
          rng.pick(["Invoice", "Past due notice", "Statement of account", "Order confirmation"]),
        ),
        body,
        broadcast: false,
      };
    }
    case "social": {
      greeting(body, ctx, toName);
      say(
        body,
        ctx,
        [
          "Cake in the break room at 3!",
          "Who's in for lunch Friday?",
          "Potluck sign-up sheet is on the fridge.",
          "Happy retirement party for Linda next week.",
        ],
        "\n",
      );
      return {
        subject: new TextDoc().add(rng.pick(["Cake!", "lunch?", "Potluck", "Party"])),
        body,
        broadcast: rng.chance(0.5),
      };
    }
    default: {
      greeting(body, ctx, toName);
      say(
        body,
        ctx,
        [
          "Your annual HIPAA privacy training is due",
          "Phishing simulation results are in; training due",
          "Reminder: security awareness module due",
        ],
        "",
      );
      body.add(" ").decoy("event-date", dateVariant(when(), rng)).line(".");
      say(
        body,
        ctx,
        [
          "Never share patient information by personal email.",
          "Report suspicious emails with the Phish Alert button.",
          "Protected health information includes names, dates of birth and medical record numbers.",
        ],
        "\n",
      );
      return {
        subject: new TextDoc().add(
          rng.pick(["HIPAA training due", "Security awareness", "Phishing test results"]),
        ),
        body,
        broadcast: true,
      };
    }
  }
}

function formatSsnish(d: string, rng: GenContext["rng"]): string {
  return rng.chance(0.7) ? `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` : d;
}
