import type { AttachmentSpan, TextKind } from "./attachment.js";
import { isoDate } from "./dates.js";
import type { ElementCode } from "./elements.js";
import { OutputFile } from "./output-file.js";
import type { Person } from "./people.js";
import type { DecoySpan, Span } from "./text-doc.js";

export const TRUTH_FORMAT = "breachscope-truth/1";

/** Where one copy of a message was written. */
export interface TruthLocation {
  mailbox: string;
  folder: string;
  format: "mbox" | "eml";
  /** Path relative to the output directory. */
  file: string;
  /** For MBOX: 1-based position of the message in the file. */
  ordinal?: number;
  /** The copy is in a compromised account's mailbox. */
  compromised?: boolean;
  /** How the attacker accessed this copy, when the audit log shows it. */
  accessed?: "Bind" | "Sync" | "Forward";
}

export interface TruthItem {
  id: number;
  messageId: string;
  part: "body" | "attachment";
  textKind: "body" | TextKind;
  subject?: string;
  subjectSpans?: Span[];
  attachment?: {
    /** 1-based position among the message's attachments. */
    index: number;
    name: string;
    mediaType: string;
    /** The member name when the item is inside a ZIP attachment. */
    entry?: string;
    /** Scanned PDFs: trailing pages with no personal data, outside the canonical text. */
    boilerplatePages?: number;
  };
  locations: TruthLocation[];
  spans: AttachmentSpan[];
  decoys: DecoySpan[];
  /** The canonical text, only with `keepText`. */
  text?: string;
}

interface ElementAcc {
  values: Set<string>;
  items: number[];
}

interface PersonAcc {
  elements: Map<ElementCode, ElementAcc>;
  compromised: boolean;
  accessed: boolean;
}

/**
 * Streams truth.json: the header first, items as they are produced (one per line), then the
 * accessed list and the per-person roll-up, which are only known at the end.
 */
/**
 * Texts whose span offsets hold exactly in the text ingest extracts: message bodies, attached
 * messages and CSV files. PDF, DOCX, XLSX and scans are located by order, not offset.
 */
const EXACT_TEXT_KINDS: ReadonlySet<string> = new Set(["body", "message", "csv"]);

export class TruthWriter {
  private out: OutputFile;
  private first = true;
  private nextId = 1;
  private people = new Map<string, PersonAcc>();

  /** gold.jsonl: the texts whose offsets are exact, with their spans, for `breachscope eval --gold`. */
  private gold: OutputFile | undefined;

  constructor(
    path: string,
    private readonly keepText: boolean,
    goldPath?: string,
  ) {
    this.out = new OutputFile(path);
    if (goldPath) this.gold = new OutputFile(goldPath);
  }

  async begin(header: Record<string, unknown>): Promise<void> {
    const head = JSON.stringify({ format: TRUTH_FORMAT, ...header });
    await this.out.write(`${head.slice(0, -1)},\n"items":[\n`);
  }

  async item(input: Omit<TruthItem, "id">): Promise<number> {
    const id = this.nextId++;
    const item: TruthItem = { id, ...input };
    if (this.gold && input.text !== undefined && EXACT_TEXT_KINDS.has(input.textKind)) {
      const spans = input.spans.map((x) => ({ entity: x.code, start: x.start, end: x.end }));
      await this.gold.write(`${JSON.stringify({ item: id, text: input.text, spans })}\n`);
    }
    if (!this.keepText) delete item.text;
    const compromised = input.locations.some((l) => l.compromised);
    const accessed = input.locations.some((l) => l.accessed);
    for (const s of [...input.spans, ...(input.subjectSpans ?? [])]) {
      if (!s.person) continue;
      let acc = this.people.get(s.person);
      if (!acc) {
        acc = { elements: new Map(), compromised: false, accessed: false };
        this.people.set(s.person, acc);
      }
      acc.compromised ||= compromised;
      acc.accessed ||= accessed;
      let el = acc.elements.get(s.code);
      if (!el) {
        el = { values: new Set(), items: [] };
        acc.elements.set(s.code, el);
      }
      if (el.values.size < 50) el.values.add(s.text);
      if (el.items[el.items.length - 1] !== id) el.items.push(id);
    }
    await this.out.write(`${this.first ? "" : ",\n"}${JSON.stringify(item)}`);
    this.first = false;
    return id;
  }

  get itemCount(): number {
    return this.nextId - 1;
  }

  /** People whose data appears in at least one item, and those among them in compromised mailboxes. */
  counts(): { inMail: number; affected: number; accessed: number } {
    let affected = 0;
    let accessed = 0;
    for (const p of this.people.values()) {
      if (p.compromised) affected++;
      if (p.accessed) accessed++;
    }
    return { inMail: this.people.size, affected, accessed };
  }

  async finish(trailer: Record<string, unknown>, byId: ReadonlyMap<string, Person>): Promise<number> {
    await this.out.write("\n],\n");
    for (const [k, v] of Object.entries(trailer))
      await this.out.write(`${JSON.stringify(k)}:${JSON.stringify(v)},\n`);
    await this.out.write('"people":[\n');
    const ids = [...this.people.keys()].sort();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      const acc = this.people.get(id)!;
      const p = byId.get(id);
      const entry = {
        id,
        inIndex: p?.inIndex ?? false,
        identity: p ? identity(p) : undefined,
        affected: acc.compromised,
        accessed: acc.accessed,
        elements: [...acc.elements.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, el]) => ({ code, values: [...el.values], items: el.items })),
      };
      await this.out.write(`${JSON.stringify(entry)}${i < ids.length - 1 ? "," : ""}\n`);
    }
    await this.out.write("]}\n");
    await this.out.close();
    await this.gold?.close();
    return this.out.bytes;
  }
}

function identity(p: Person): Record<string, unknown> {
  return {
    first: p.first,
    middle: p.middle,
    last: p.last,
    dob: isoDate(p.dob),
    sex: p.sex,
    state: p.address?.state,
    zip: p.address?.zip,
    relation: p.relation,
    deceased: p.deceased ? isoDate(p.deceased) : undefined,
  };
}
