import { diagnosisFor, PROCEDURES } from "./clinical.js";
import type { GenContext } from "./context.js";
import { addDays, isoDate, MONTHS, p2, type Ymd } from "./dates.js";
import type { Person } from "./people.js";
import type { Random } from "./random.js";
import type { Cell, Table } from "./table.js";
import { lastFirst, phoneVariant } from "./variants.js";

/** A column of a patient list: header spellings and how to fill it for one patient. */
interface Column {
  headers: readonly string[];
  cells(p: Person, ctx: GenContext, fmt: DateFormat): Cell[];
  /** Split columns (last/first) have more than one header. */
  width?: number;
}

type DateFormat = (d: Ymd) => string;

const DATE_FORMATS: readonly DateFormat[] = [
  (d) => `${p2(d.m)}/${p2(d.d)}/${d.y}`,
  (d) => `${d.m}/${d.d}/${d.y}`,
  (d) => isoDate(d),
  (d) => `${p2(d.d)}${MONTHS[d.m - 1]!.toUpperCase()}${d.y}`,
  (d) => `${d.m}/${d.d}/${p2(d.y % 100)}`,
];

const phi = (code: Cell["code"], text: string, p: Person): Cell =>
  code ? { text, code, person: p.id } : { text };

const NAME_COLUMNS: readonly Column[] = [
  {
    headers: ["Pt Name", "Patient Name", "Last, First", "PATIENT NAME", "Name"],
    cells: (p) => [phi("PERSON_NAME", lastFirst(p), p)],
  },
  {
    headers: ["PATIENT", "Patient"],
    cells: (p) => [phi("PERSON_NAME", `${p.first} ${p.last}`.toUpperCase(), p)],
  },
  {
    headers: ["Last Name|First Name", "LAST|FIRST", "Pt Last|Pt First", "Surname|Given Name"],
    width: 2,
    cells: (p) => [phi("PERSON_NAME", p.last, p), phi("PERSON_NAME", p.first, p)],
  },
];

const OPTIONAL_COLUMNS: readonly Column[] = [
  {
    headers: ["MRN", "Acct #", "Med Rec #", "MR Number", "Account"],
    cells: (p) => [p.inIndex ? phi("MRN", p.id, p) : { text: "" }],
  },
  {
    headers: ["Phone", "Home Phone", "Contact #", "Tel"],
    cells: (p, ctx) => [p.phone ? phi("PHONE", phoneVariant(p.phone, ctx.rng), p) : { text: "" }],
  },
  {
    headers: ["Address|City|State|Zip", "Street|City|ST|ZIP", "Addr1|City|State|Postal Code"],
    width: 4,
    cells: (p) =>
      p.address
        ? [
            phi(
              "STREET_ADDRESS",
              p.address.unit ? `${p.address.street} ${p.address.unit}` : p.address.street,
              p,
            ),
            { text: p.address.city },
            { text: p.address.state },
            phi("ZIP_CODE", p.address.zip, p),
          ]
        : [{ text: "UNKNOWN" }, { text: "" }, { text: "" }, { text: "" }],
  },
  {
    headers: ["Insurance|Member ID", "Payer|Subscriber #", "Primary Ins|Policy #"],
    width: 2,
    cells: (p) => {
      if (p.mbi) return [{ text: "Medicare" }, phi("MEDICARE_ID", p.mbi, p)];
      if (p.medicaidId) return [{ text: p.insurer ?? "Medicaid" }, phi("MEDICAID_ID", p.medicaidId, p)];
      if (p.memberId) return [{ text: p.insurer ?? "" }, phi("HEALTH_PLAN_ID", p.memberId, p)];
      return [{ text: "SELF PAY" }, { text: "" }];
    },
  },
  {
    headers: ["SSN", "Soc Sec #", "SS#"],
    cells: (p) => [
      p.ssn ? phi("SSN", `${p.ssn.slice(0, 3)}-${p.ssn.slice(3, 5)}-${p.ssn.slice(5)}`, p) : { text: "" },
    ],
  },
  {
    headers: ["Dx|ICD-10", "Diagnosis|ICD", "Primary Dx|Dx Code"],
    width: 2,
    cells: (p, ctx) => {
      const dx = diagnosisFor(ctx.rng, p);
      return [
        phi("DIAGNOSIS", ctx.rng.chance(0.5) ? dx.name : ctx.rng.pick(dx.aliases), p),
        phi("ICD_CODE", dx.icd, p),
      ];
    },
  },
  {
    headers: ["DOS|CPT|Charge", "Service Date|Proc Code|Billed", "Date of Service|CPT|Amount"],
    width: 3,
    cells: (p, ctx, fmt) => {
      const pr = ctx.rng.pick(PROCEDURES);
      return [
        phi("DATE", fmt(addDays(ctx.now, -ctx.rng.int(10, 300))), p),
        phi("CPT_CODE", pr.cpt, p),
        { text: `$${ctx.rng.int(80, 9000)}.${p2(ctx.rng.int(0, 99))}` },
      ];
    },
  },
  {
    headers: ["Appt Date|Time|Provider", "Appointment|Slot|Dr"],
    width: 3,
    cells: (p, ctx, fmt) => [
      phi("DATE", fmt(addDays(ctx.now, ctx.rng.int(-20, 20))), p),
      { text: `${ctx.rng.int(7, 16)}:${ctx.rng.pick(["00", "15", "30", "45"])}` },
      { text: `Dr. ${ctx.rng.pick(ctx.org.providers).name.split(" ").pop()}` },
    ],
  },
  {
    headers: ["Email", "E-mail Address", "Portal Email"],
    cells: (p) => [p.email ? phi("EMAIL", p.email, p) : { text: "" }],
  },
  {
    headers: ["Claim #", "Invoice", "Order No"],
    cells: (_p, ctx) => [
      { text: `${ctx.rng.pick(["CLM", "INV", "ORD"])}-${ctx.rng.digits(8)}`, decoy: "invoice-id" },
    ],
  },
];

const TITLES = [
  "Daily Appointment List",
  "A/R Aging - Denied Claims",
  "Inpatient Census",
  "Outreach list",
  "Patients due for follow-up",
  "Unbilled encounters",
  "Bad debt referral",
];

/** A patient list of `patients`, with a randomly chosen but internally consistent layout. */
export function patientTable(ctx: GenContext, patients: readonly Person[]): Table {
  const { rng } = ctx;
  const nameCol = rng.pick(NAME_COLUMNS);
  const optional = rng.sample(OPTIONAL_COLUMNS, rng.int(2, 5));
  const dobHeader = rng.pick(["DOB", "Birth Date", "D.O.B.", "Date of Birth", "BDAY", "dob"]);
  const fmt = rng.pick(DATE_FORMATS);
  const columns: { headers: string[]; col: Column | "dob" }[] = [
    { headers: pickHeaders(rng, nameCol), col: nameCol },
    { headers: [dobHeader], col: "dob" },
    ...optional.map((c) => ({ headers: pickHeaders(rng, c), col: c })),
  ];
  if (rng.chance(0.4)) columns.unshift(columns.splice(2, 1)[0]!);
  const header = columns.flatMap((c) => c.headers);
  const rows = patients.map((p) =>
    columns.flatMap((c) =>
      c.col === "dob" ? [phi("DATE_OF_BIRTH", fmt(p.dob), p)] : c.col.cells(p, ctx, fmt),
    ),
  );
  const title = rng.pick(TITLES);
  return {
    sheet: rng.pick(["Sheet1", "Report", "Export", title.slice(0, 20).replace(/[/\\?*[\]:]/g, "-")]),
    title: rng.chance(0.5) ? title : undefined,
    header,
    rows,
  };
}

function pickHeaders(rng: Random, c: Column): string[] {
  return rng.pick(c.headers).split("|");
}
