/**
 * End-to-end benchmark on a generated incident with a known answer: generate → ingest → detect →
 * score. Prints, per stage, wall time, items/s, MB/s and peak RSS, then the accuracy tables.
 *
 *   npm run bench:e2e -- [--size 1GB | --messages N] [--seed N] [--data DIR] [--keep]
 *                        [--no-ocr] [--jobs N] [--patients N] [--mailboxes N] [--examples N]
 *
 * Each stage runs in its own child process, so its peak RSS (process.resourceUsage().maxRSS,
 * which covers worker threads too) is that stage's alone. The incident is cached under
 * `.bench-data/` by generator version, seed and size; the case is made in a temporary folder and
 * deleted unless --keep. --examples N prints up to N missed values per element (synthetic data).
 */
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { initCase, openCase } from "../src/case/case.js";
import { type Counts, type EvalResult, evaluate, formatEvaluation, score } from "../src/detect/eval.js";
import { detectText } from "../src/detect/text.js";
import { SCORE } from "../src/detect/types.js";
import { GENERATOR_VERSION, generateIncident, parseSize } from "../src/generate/index.js";
import { ingest } from "../src/ingest/ingest.js";
import type { ItemRow } from "../src/store/types.js";
import { arg, dirBytes, repoRoot } from "./lib.js";

const SELF = fileURLToPath(import.meta.url);
const ROOT = repoRoot(import.meta.url);
const MB = 2 ** 20;

const flag = (name: string) => process.argv.includes(`--${name}`);

function lines(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
}

/** What every child prints as its last stdout line. */
interface StageResult {
  seconds: number;
  items: number;
  inputBytes: number;
  maxRssMb: number;
  /** Seconds spent in the measured kernel (detectors only) when it differs from the stage wall. */
  coreSeconds?: number;
  extra?: Record<string, unknown>;
}

function finish(started: bigint, r: Omit<StageResult, "seconds" | "maxRssMb">): void {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...r, seconds, maxRssMb })}\n`);
}

// ---------------------------------------------------------------------------------------------
// Stage: generate

async function stageGenerate(): Promise<void> {
  const started = process.hrtime.bigint();
  const size = arg("size");
  const s = await generateIncident({
    outDir: arg("out")!,
    seed: Number(arg("seed")),
    patients: Number(arg("patients")),
    mailboxes: Number(arg("mailboxes")),
    ...(size ? { sizeBytes: Number(size) } : { messages: Number(arg("messages")) }),
  });
  finish(started, {
    items: s.items,
    inputBytes: s.mailboxBytes,
    extra: {
      messages: s.messages,
      copies: s.messageCopies,
      attachments: s.attachments,
      affected: s.affectedPeople,
      compromised: s.compromisedAccounts,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Stage: ingest

async function stageIngest(): Promise<void> {
  const started = process.hrtime.bigint();
  const input = arg("input")!;
  const jobs = arg("jobs");
  const c = await initCase(arg("case")!, "bench e2e");
  try {
    const report = await ingest(c, {
      paths: [input],
      ocr: arg("ocr") === "1",
      ...(jobs ? { jobs: Number(jobs) } : {}),
    });
    finish(started, {
      items: report.items,
      inputBytes: dirBytes(input),
      extra: {
        messages: report.messages,
        duplicates: report.duplicates,
        attachments: report.attachments,
        exceptions: report.exceptions,
        exceptionsByReason: report.exceptionsByReason,
      },
    });
  } finally {
    await c.store.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Stage: detect, plus the offset-free item-level check against truth.json

/** Lowercase, NFKC, every run of non-letters/digits becomes one space. */
function norm(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** One exposed (person, element) pair: found when any of its spellings is detected. */
interface Pair {
  code: string;
  values: string[];
  /** The first spelling as written, for --examples. */
  raw: string;
  /** truth.json ids of the items where this person's element occurs. */
  items: number[];
}

interface Targets {
  pairs: Pair[];
  /** `${code}\0${value}` for every normalized spelling. */
  byElement: Set<string>;
  /** Normalized spelling → elements it belongs to. */
  byValue: Map<string, Set<string>>;
  /** Longest spelling in tokens: bounds the n-grams taken from a finding. */
  maxTokens: number;
  people: number;
  /** truth.json item id → item key (see itemKey), for the items the pairs name. */
  itemKeys: Map<number, string>;
  /** truth.json item id → its textKind, to say which kinds of item went unmatched. */
  itemKinds: Map<number, string>;
}

/**
 * Reads truth.json line by line (items, then people, one per line): first the affected people,
 * then the keys of the items they occur in.
 */
async function loadTargets(truthPath: string): Promise<Targets> {
  const t: Targets = {
    pairs: [],
    byElement: new Set(),
    byValue: new Map(),
    maxTokens: 1,
    people: 0,
    itemKeys: new Map(),
    itemKinds: new Map(),
  };
  let inPeople = false;
  for await (const line of lines(truthPath)) {
    if (!inPeople) {
      if (line.startsWith('"people":[')) inPeople = true;
      continue;
    }
    const body = line.replace(/,$/, "");
    if (!body.startsWith("{")) continue;
    const p = JSON.parse(body) as {
      affected: boolean;
      elements: { code: string; values: string[]; items: number[] }[];
    };
    if (!p.affected) continue;
    t.people++;
    for (const el of p.elements) {
      const values = [...new Set(el.values.map(norm).filter((v) => v.length > 0))];
      if (values.length === 0) continue;
      t.pairs.push({ code: el.code, values, raw: el.values[0] ?? "", items: el.items });
      for (const id of el.items) t.itemKeys.set(id, "");
      for (const v of values) {
        t.byElement.add(`${el.code}\0${v}`);
        let codes = t.byValue.get(v);
        if (!codes) {
          codes = new Set();
          t.byValue.set(v, codes);
        }
        codes.add(el.code);
        t.maxTokens = Math.max(t.maxTokens, v.split(" ").length);
      }
    }
  }
  for await (const line of lines(truthPath)) {
    if (line.startsWith("]")) break;
    const body = line.replace(/,$/, "");
    if (!body.startsWith('{"id":')) continue;
    const it = JSON.parse(body) as {
      id: number;
      messageId: string;
      textKind: string;
      attachment?: { index: number; entry?: string };
    };
    if (!t.itemKeys.has(it.id)) continue;
    const a = it.attachment;
    t.itemKinds.set(it.id, it.textKind);
    t.itemKeys.set(
      it.id,
      `${it.messageId}${a ? `|att:${a.index}` : ""}${a?.entry !== undefined ? `|entry:${a.entry}` : ""}`,
    );
  }
  return t;
}

/**
 * The key of a stored item in truth.json's terms: the top-level Message-ID, then `|att:N` for its
 * N-th attachment (an attached message is one, or sits under one) and `|entry:NAME` for a ZIP
 * member. Items arrive in id order, parents before children.
 */
function itemKey(it: ItemRow, nodes: Map<number, { key: string; provenance: string; kind: string }>): string {
  const parent = it.parentId === null ? undefined : nodes.get(it.parentId);
  if (!parent) return it.messageId ?? `item:${it.id}`;
  if (it.kind === "embedded-message" && parent.kind === "attachment") return parent.key;
  if (it.kind === "member") return `${parent.key}|entry:${it.name ?? ""}`;
  const att = /^att:(\d+):/.exec(it.provenance.slice(parent.provenance.length + 1));
  return att ? `${parent.key}|att:${att[1]}` : `${parent.key}|item:${it.id}`;
}

/** Text kinds that only OCR can read. */
const OCR_KINDS = new Set(["image", "pdf-scan"]);

async function stageDetect(): Promise<void> {
  const started = process.hrtime.bigint();
  const targets = await loadTargets(arg("truth")!);
  const examples = Number(arg("examples", "0"));
  // Keys of `byElement` that some finding carried, at any score / at "likely" or above.
  const foundAny = new Set<string>();
  const foundLikely = new Set<string>();
  // Spellings reported whole, but under an element other than the gold one.
  const foundAsOther = new Set<string>();
  // `${code}\0${value}\0${item key}`: found in that very item.
  const foundIn = new Set<string>();
  const findingsByElement = new Map<string, number>();

  const c = await openCase(arg("case")!);
  let items = 0;
  let chars = 0;
  let bytes = 0;
  let findings = 0;
  let detectNs = 0n;
  let truthItemsMatched = 0;
  const unmatchedByKind: Record<string, number> = {};
  try {
    // The SQLite cursor must be closed before reading texts, so collect the ids first (4 bytes each).
    // Keys are kept for messages and attachments (the parents); texts are read one at a time.
    const ids: number[] = [];
    const keys = new Map<number, string>();
    const nodes = new Map<number, { key: string; provenance: string; kind: string }>();
    for await (const it of c.store.items()) {
      if (it.duplicateOf !== null) continue;
      const key = itemKey(it, nodes);
      if (it.kind !== "member") nodes.set(it.id, { key, provenance: it.provenance, kind: it.kind });
      if (it.textLength > 0) {
        ids.push(it.id);
        keys.set(it.id, key);
      }
    }
    const stored = new Set(keys.values());
    for (const [id, k] of targets.itemKeys) {
      if (stored.has(k)) truthItemsMatched++;
      else {
        const kind = targets.itemKinds.get(id) ?? "?";
        unmatchedByKind[kind] = (unmatchedByKind[kind] ?? 0) + 1;
      }
    }
    stored.clear();
    for (const id of ids) {
      const where = keys.get(id)!;
      const text = await c.store.itemText(id);
      if (!text) continue;
      items++;
      chars += text.length;
      bytes += Buffer.byteLength(text);
      const t0 = process.hrtime.bigint();
      const found = detectText(text);
      detectNs += process.hrtime.bigint() - t0;
      findings += found.length;
      for (const f of found) {
        findingsByElement.set(f.element, (findingsByElement.get(f.element) ?? 0) + 1);
        const n = norm(f.text);
        if (!n) continue;
        const codes = targets.byValue.get(n);
        if (codes && !codes.has(f.element)) foundAsOther.add(n);
        // A finding may be wider than the gold value (a street line with its city): try every
        // token window up to the longest gold spelling.
        const tokens = n.split(" ");
        for (let i = 0; i < tokens.length; i++) {
          for (let j = i + 1; j <= Math.min(tokens.length, i + targets.maxTokens); j++) {
            const key = `${f.element}\0${tokens.slice(i, j).join(" ")}`;
            if (!targets.byElement.has(key)) continue;
            foundAny.add(key);
            foundIn.add(`${key}\0${where}`);
            if (f.score >= SCORE.likely) foundLikely.add(key);
          }
        }
      }
    }
  } finally {
    await c.store.close();
  }

  interface Row {
    element: string;
    pairs: number;
    found: number;
    foundOwn: number;
    foundLikely: number;
    other: number;
    ocrOnly: number;
    missed: number;
    examples: string[];
  }
  const rows = new Map<string, Row>();
  for (const p of targets.pairs) {
    let r = rows.get(p.code);
    if (!r) {
      r = {
        element: p.code,
        pairs: 0,
        found: 0,
        foundOwn: 0,
        foundLikely: 0,
        other: 0,
        ocrOnly: 0,
        missed: 0,
        examples: [],
      };
      rows.set(p.code, r);
    }
    r.pairs++;
    const keys = p.values.map((v) => `${p.code}\0${v}`);
    if (keys.some((k) => foundAny.has(k))) r.found++;
    else {
      r.missed++;
      if (p.values.some((v) => foundAsOther.has(v))) r.other++;
      const ocrOnly = p.items.every((id) => OCR_KINDS.has(targets.itemKinds.get(id) ?? ""));
      if (ocrOnly) r.ocrOnly++;
      if (r.examples.length < examples)
        r.examples.push(`${JSON.stringify(p.raw)}${ocrOnly ? " (scan/image)" : ""}`);
    }
    if (keys.some((k) => foundLikely.has(k))) r.foundLikely++;
    const own = p.items.map((id) => targets.itemKeys.get(id));
    if (keys.some((k) => own.some((w) => foundIn.has(`${k}\0${w}`)))) r.foundOwn++;
  }
  finish(started, {
    items,
    inputBytes: bytes,
    coreSeconds: Number(detectNs) / 1e9,
    extra: {
      chars,
      findings,
      findingsByElement: Object.fromEntries([...findingsByElement].sort((a, b) => b[1] - a[1])),
      affectedPeople: targets.people,
      truthItems: targets.itemKeys.size,
      truthItemsMatched,
      unmatchedByKind,
      rows: [...rows.values()].sort((a, b) => a.element.localeCompare(b.element)),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Stage: element-level evaluation on gold.jsonl, in batches so the file is never held whole

async function stageGold(): Promise<void> {
  const started = process.hrtime.bigint();
  const overlap = new Map<string, Counts>();
  const exact = new Map<string, Counts>();
  let documents = 0;
  let bytes = 0;
  const add = (m: Map<string, Counts>, e: string, c: Counts) => {
    const t = m.get(e) ?? { gold: 0, predicted: 0, goldMatched: 0, predictedMatched: 0 };
    t.gold += c.gold;
    t.predicted += c.predicted;
    t.goldMatched += c.goldMatched;
    t.predictedMatched += c.predictedMatched;
    m.set(e, t);
  };
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const r = evaluate(batch.join("\n"));
    documents += r.documents;
    for (const e of r.elements) {
      add(overlap, e.entity, e.overlap);
      add(exact, e.entity, e.exact);
    }
    batch = [];
    batchBytes = 0;
  };
  for await (const line of lines(arg("gold")!)) {
    if (!line.trim()) continue;
    batch.push(line);
    batchBytes += line.length;
    bytes += Buffer.byteLength(line);
    if (batchBytes > 4 * MB) flush();
  }
  flush();
  const total = (m: Map<string, Counts>) => {
    const t: Counts = { gold: 0, predicted: 0, goldMatched: 0, predictedMatched: 0 };
    for (const c of m.values()) {
      t.gold += c.gold;
      t.predicted += c.predicted;
      t.goldMatched += c.goldMatched;
      t.predictedMatched += c.predictedMatched;
    }
    return t;
  };
  const result: EvalResult = {
    documents,
    overall: { overlap: score(total(overlap)), exact: score(total(exact)) },
    elements: [...overlap.keys()].sort().map((entity) => ({
      entity,
      overlap: score(overlap.get(entity)!),
      exact: score(exact.get(entity)!),
    })),
  };
  finish(started, { items: documents, inputBytes: bytes, extra: { table: formatEvaluation(result) } });
}

// ---------------------------------------------------------------------------------------------
// Parent

function runChild(stage: string, args: string[]): StageResult {
  const r = spawnSync(process.execPath, [...process.execArgv, SELF, "--child", stage, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * MB,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (r.status !== 0) throw new Error(`stage ${stage} failed (exit ${r.status}): ${r.stderr.slice(-3000)}`);
  const last = r.stdout.trim().split("\n").at(-1) ?? "{}";
  return JSON.parse(last) as StageResult;
}

async function main(): Promise<void> {
  const sizeArg = arg("size");
  const messagesArg = arg("messages");
  const size = sizeArg ? parseSize(sizeArg) : messagesArg ? undefined : parseSize("1GB");
  const messages = size === undefined ? Number(messagesArg) : undefined;
  const seed = Number(arg("seed", "1"));
  const patients = Number(arg("patients", size ? "5000" : "400"));
  const mailboxes = Number(arg("mailboxes", size ? "8" : "5"));
  const ocr = !flag("no-ocr");
  const jobs = arg("jobs");
  const dataDir = resolve(arg("data", join(ROOT, ".bench-data"))!);
  mkdirSync(dataDir, { recursive: true });
  const say = (s = "") => process.stdout.write(`${s}\n`);

  // 1. Generate, or reuse a cached incident.
  const label = size ? `size${size}` : `msg${messages}`;
  const incident = join(dataDir, `e2e-v${GENERATOR_VERSION}-seed${seed}-${label}-p${patients}-m${mailboxes}`);
  let gen: StageResult | undefined;
  if (!existsSync(join(incident, "DONE"))) {
    rmSync(incident, { recursive: true, force: true });
    process.stderr.write(`generating incident in ${incident}\n`);
    gen = runChild("generate", [
      "--out",
      incident,
      "--seed",
      String(seed),
      "--patients",
      String(patients),
      "--mailboxes",
      String(mailboxes),
      ...(size ? ["--size", String(size)] : ["--messages", String(messages)]),
    ]);
    writeFileSync(join(incident, "DONE"), `${JSON.stringify(gen)}\n`);
  }

  // 2. Ingest into a fresh case.
  const caseRoot = mkdtempSync(join(tmpdir(), "bs-e2e-"));
  const caseDir = join(caseRoot, "case");
  const results: [string, StageResult][] = [];
  if (gen) results.push(["generate", gen]);
  try {
    process.stderr.write(`ingesting (OCR ${ocr ? "on" : "off"}) into ${caseDir}\n`);
    const ing = runChild("ingest", [
      "--input",
      join(incident, "mailboxes"),
      "--case",
      caseDir,
      "--ocr",
      ocr ? "1" : "0",
      ...(jobs ? ["--jobs", jobs] : []),
    ]);
    results.push(["ingest", ing]);

    // 3. Detect over every non-duplicate item's text, and check affected people's values.
    process.stderr.write("detecting\n");
    const det = runChild("detect", [
      "--case",
      caseDir,
      "--truth",
      join(incident, "truth.json"),
      "--examples",
      arg("examples", "0")!,
    ]);
    results.push(["detect", det]);

    // 4. Element-level scores on the exact-offset texts.
    process.stderr.write("scoring gold.jsonl\n");
    const gold = runChild("gold", ["--gold", join(incident, "gold.jsonl")]);
    results.push(["gold eval", gold]);

    say();
    say(
      `node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"} ×${cpus().length}, seed ${seed}, ` +
        `${size ? `size ${(size / MB).toFixed(0)} MB` : `${messages} messages`}, ${patients} patients, ` +
        `${mailboxes} mailboxes, ingest OCR ${ocr ? "on" : "off"}, ${jobs ?? "default"} jobs`,
    );
    if (!gen) say(`incident reused from ${incident} (generation not timed in this run)`);
    say();
    say("| stage | input | wall | items | items/s | MB/s | peak RSS |");
    say("|---|---|---|---|---|---|---|");
    const inputs: Record<string, string> = {
      generate: "mailboxes written",
      ingest: "mailbox files",
      detect: "item text (UTF-8)",
      "gold eval": "gold.jsonl",
    };
    for (const [name, r] of results) {
      const mb = r.inputBytes / MB;
      const rate = r.coreSeconds
        ? `${(mb / r.coreSeconds).toFixed(1)} (detectors only; ${(mb / r.seconds).toFixed(1)} stage)`
        : (mb / r.seconds).toFixed(1);
      say(
        `| ${name} | ${mb.toFixed(1)} MB ${inputs[name]} | ${r.seconds.toFixed(1)} s | ${r.items} | ${(r.items / r.seconds).toFixed(0)} | ${rate} | ${r.maxRssMb.toFixed(0)} MB |`,
      );
    }
    say();
    say(
      "Peak RSS: maxRSS of each stage's own child process (worker threads included). Wall times " +
        "include process start and, for detect, reading texts from SQLite and loading truth.json.",
    );
    const ie = ing.extra as {
      messages: number;
      duplicates: number;
      attachments: number;
      exceptions: number;
      exceptionsByReason: Record<string, number>;
    };
    const reasons = Object.entries(ie.exceptionsByReason)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ");
    say(
      `ingest: ${ing.items} items (${ie.messages} messages of which ${ie.duplicates} duplicate copies, ` +
        `${ie.attachments} attachments/members), ${ie.exceptions} exceptions${reasons ? ` (${reasons})` : ""}`,
    );
    const de = det.extra as {
      chars: number;
      findings: number;
      findingsByElement: Record<string, number>;
      affectedPeople: number;
      truthItems: number;
      truthItemsMatched: number;
      unmatchedByKind: Record<string, number>;
      rows: {
        element: string;
        pairs: number;
        found: number;
        foundLikely: number;
        foundOwn: number;
        other: number;
        ocrOnly: number;
        missed: number;
        examples: string[];
      }[];
    };
    say(
      `detect: ${det.items} non-duplicate items with text, ${(de.chars / MB).toFixed(1)} M chars, ${de.findings} findings (all score rungs)`,
    );

    say();
    say(
      "### Element level: detectors on the exact-offset texts of gold.jsonl (bodies, attached messages, CSV)",
    );
    say();
    say("```");
    process.stdout.write(String((gold.extra as { table: string }).table));
    say("```");

    say();
    say(
      `### Item level: exposed values of the ${de.affectedPeople} affected people found among the findings over the ingested items`,
    );
    say();
    say(
      "A (person, element) pair is found when a finding of that element, over any non-duplicate " +
        "ingested item, equals one of the person's spellings after normalization (case, whitespace, " +
        "punctuation), or contains it as a run of whole tokens. No offsets are used, so PDF, DOCX, " +
        'XLSX and OCR\'d scans count. "found in own item" is stricter: the value was detected in one of ' +
        "the items truth.json lists for it (matched by Message-ID, attachment index and ZIP entry), so a " +
        "common value (a date, a code) found only in someone else's message does not count. " +
        '"as other" = missed pairs whose value was reported whole under another element; "only in ' +
        'scans/images" = missed pairs that occur only in items OCR must read (image, scanned PDF).',
    );
    say();
    say(
      "| element | pairs | found | recall | found ≥ likely | recall ≥ likely | found in own item | recall, own item | missed | missed, as other | missed, only in scans/images |",
    );
    say("|---|---|---|---|---|---|---|---|---|---|---|");
    const pct = (a: number, b: number) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)}%`);
    const tot = {
      element: "**all**",
      pairs: 0,
      found: 0,
      foundLikely: 0,
      foundOwn: 0,
      other: 0,
      ocrOnly: 0,
      missed: 0,
    };
    const line = (r: typeof tot) =>
      say(
        `| ${r.element} | ${r.pairs} | ${r.found} | ${pct(r.found, r.pairs)} | ${r.foundLikely} | ${pct(r.foundLikely, r.pairs)} | ${r.foundOwn} | ${pct(r.foundOwn, r.pairs)} | ${r.missed} | ${r.other} | ${r.ocrOnly} |`,
      );
    for (const r of de.rows) {
      line(r);
      tot.pairs += r.pairs;
      tot.found += r.found;
      tot.foundLikely += r.foundLikely;
      tot.foundOwn += r.foundOwn;
      tot.other += r.other;
      tot.missed += r.missed;
      tot.ocrOnly += r.ocrOnly;
    }
    line(tot);
    say();
    say(
      `Items of these people in truth.json matched to a stored item with text: ${de.truthItemsMatched} of ${de.truthItems}` +
        (de.truthItemsMatched < de.truthItems
          ? ` (unmatched by textKind: ${Object.entries(de.unmatchedByKind)
              .map(([k, n]) => `${k} ${n}`)
              .join(", ")}).`
          : "."),
    );
    say();
    say(
      "This is the people-level recall proxy until the resolve stage exists: it shows whether each " +
        "exposed value was detected somewhere, not whether it was tied to the right person. " +
        "People-level found / missed / extra will come with the resolve stage.",
    );
    const withExamples = de.rows.filter((r) => r.examples.length > 0);
    if (withExamples.length > 0) {
      say();
      say("Missed examples (synthetic):");
      for (const r of withExamples) say(`- ${r.element}: ${r.examples.join(", ")}`);
    }
    if (flag("keep")) say(`\ncase kept in ${caseDir}`);
  } finally {
    if (!flag("keep")) rmSync(caseRoot, { recursive: true, force: true });
  }
}

const STAGES: Record<string, () => Promise<void>> = {
  generate: stageGenerate,
  ingest: stageIngest,
  detect: stageDetect,
  gold: stageGold,
};

if (flag("child")) await STAGES[arg("child")!]!();
else await main();
