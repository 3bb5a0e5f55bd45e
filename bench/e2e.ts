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
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { initCase, openCase } from "../src/case/case.js";
import { type Counts, type EvalResult, evaluate, formatEvaluation, score } from "../src/detect/eval.js";
import { detectText } from "../src/detect/text.js";
import { SCORE } from "../src/detect/types.js";
import { GENERATOR_VERSION, generateIncident, parseSize } from "../src/generate/index.js";
import { ingest } from "../src/ingest/ingest.js";

const SELF = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(SELF), SELF.includes("/dist/") ? "../.." : "..");
const MB = 2 ** 20;

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

function dirBytes(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.size;
  let n = 0;
  for (const e of readdirSync(p)) n += dirBytes(join(p, e));
  return n;
}

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
}

/** Reads the affected people from truth.json line by line (the people section is one per line). */
async function loadTargets(truthPath: string): Promise<Targets> {
  const t: Targets = { pairs: [], byElement: new Set(), byValue: new Map(), maxTokens: 1, people: 0 };
  let inPeople = false;
  for await (const line of lines(truthPath)) {
    if (!inPeople) {
      if (line.startsWith('"people":[')) inPeople = true;
      continue;
    }
    const body = line.replace(/,$/, "");
    if (!body.startsWith("{")) continue;
    const p = JSON.parse(body) as { affected: boolean; elements: { code: string; values: string[] }[] };
    if (!p.affected) continue;
    t.people++;
    for (const el of p.elements) {
      const values = [...new Set(el.values.map(norm).filter((v) => v.length > 0))];
      if (values.length === 0) continue;
      t.pairs.push({ code: el.code, values, raw: el.values[0] ?? "" });
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
  return t;
}

async function stageDetect(): Promise<void> {
  const started = process.hrtime.bigint();
  const targets = await loadTargets(arg("truth")!);
  const examples = Number(arg("examples", "0"));
  // Keys of `byElement` that some finding carried, at any score / at "likely" or above.
  const foundAny = new Set<string>();
  const foundLikely = new Set<string>();
  // Spellings reported whole, but under an element other than the gold one.
  const foundAsOther = new Set<string>();
  const findingsByElement = new Map<string, number>();

  const c = await openCase(arg("case")!);
  let items = 0;
  let chars = 0;
  let bytes = 0;
  let findings = 0;
  let detectNs = 0n;
  try {
    // The SQLite cursor must be closed before reading texts, so collect the ids first (4 bytes each).
    const ids: number[] = [];
    for await (const it of c.store.items()) if (it.textLength > 0 && it.duplicateOf === null) ids.push(it.id);
    for (const id of ids) {
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
    foundLikely: number;
    other: number;
    missed: number;
    examples: string[];
  }
  const rows = new Map<string, Row>();
  for (const p of targets.pairs) {
    let r = rows.get(p.code);
    if (!r) {
      r = { element: p.code, pairs: 0, found: 0, foundLikely: 0, other: 0, missed: 0, examples: [] };
      rows.set(p.code, r);
    }
    r.pairs++;
    const keys = p.values.map((v) => `${p.code}\0${v}`);
    if (keys.some((k) => foundAny.has(k))) r.found++;
    else {
      r.missed++;
      if (p.values.some((v) => foundAsOther.has(v))) r.other++;
      if (r.examples.length < examples) r.examples.push(p.raw);
    }
    if (keys.some((k) => foundLikely.has(k))) r.foundLikely++;
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
      rows: {
        element: string;
        pairs: number;
        found: number;
        foundLikely: number;
        other: number;
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
        'XLSX and OCR\'d scans count. "as other" = missed pairs whose value was reported whole under another element.',
    );
    say();
    say(
      "| element | pairs | found | found ≥ likely | missed | missed, as other | recall | recall ≥ likely |",
    );
    say("|---|---|---|---|---|---|---|---|");
    const pct = (a: number, b: number) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)}%`);
    const tot = { pairs: 0, found: 0, foundLikely: 0, other: 0, missed: 0 };
    for (const r of de.rows) {
      say(
        `| ${r.element} | ${r.pairs} | ${r.found} | ${r.foundLikely} | ${r.missed} | ${r.other} | ${pct(r.found, r.pairs)} | ${pct(r.foundLikely, r.pairs)} |`,
      );
      tot.pairs += r.pairs;
      tot.found += r.found;
      tot.foundLikely += r.foundLikely;
      tot.other += r.other;
      tot.missed += r.missed;
    }
    say(
      `| **all** | ${tot.pairs} | ${tot.found} | ${tot.foundLikely} | ${tot.missed} | ${tot.other} | ${pct(tot.found, tot.pairs)} | ${pct(tot.foundLikely, tot.pairs)} |`,
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
      for (const r of withExamples)
        say(`- ${r.element}: ${r.examples.map((e) => JSON.stringify(e)).join(", ")}`);
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
