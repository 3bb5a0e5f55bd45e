/**
 * Ingest benchmark: throughput (MB/s, items/s) and peak memory on generated MBOX and EML
 * corpora and on a PST corpus made of a real Outlook file repeated, with readpst's time on the
 * same PST files in the same run where readpst is installed.
 *
 *   npm run bench:ingest -- [--size 1GB] [--only mbox,eml,pst,parse] [--jobs N] [--data DIR]
 *
 * Each scenario runs in a child process so that its peak RSS is its own.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { initCase } from "../src/case/case.js";
import { DEFAULT_LIMITS } from "../src/core/limits.js";
import { GENERATOR_VERSION, generateIncident, parseSize } from "../src/generate/index.js";
import { ingest } from "../src/ingest/ingest.js";
import { mboxReader } from "../src/ingest/sources/mbox/index.js";
import { arg, dirBytes, repoRoot } from "./lib.js";

const SELF = fileURLToPath(import.meta.url);
const ROOT = repoRoot(import.meta.url);

interface Result {
  scenario: string;
  inputBytes: number;
  seconds: number;
  items: number;
  messages: number;
  maxRssMb: number;
  note?: string;
}

function fileCount(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return 1;
  let n = 0;
  for (const e of readdirSync(p)) n += fileCount(join(p, e));
  return n;
}

/** Child mode: one scenario, printed as JSON on stdout. */
async function child(): Promise<void> {
  const mode = arg("child")!;
  const input = arg("input")!;
  const started = process.hrtime.bigint();
  let items = 0;
  let messages = 0;
  if (mode === "parse") {
    // MBOX splitting and MIME parsing only, on this one thread: the parsing floor of ingest.
    for (const f of readdirSync(input).filter((n) => n.endsWith(".mbox"))) {
      const gen = mboxReader.read(join(input, f), { limits: DEFAULT_LIMITS });
      for (;;) {
        const r = await gen.next();
        if (r.done) break;
        if (r.value.type === "message") messages++;
      }
    }
    items = messages;
  } else {
    const caseDir = mkdtempSync(join(tmpdir(), "bs-bench-case-"));
    try {
      const c = await initCase(join(caseDir, "case"));
      const jobs = arg("jobs");
      const report = await ingest(c, { paths: [input], ocr: false, ...(jobs ? { jobs: Number(jobs) } : {}) });
      items = report.items;
      messages = report.messages;
      await c.store.close();
    } finally {
      rmSync(caseDir, { recursive: true, force: true });
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, items, messages, maxRssMb })}\n`);
}

function runChild(mode: string, input: string, jobs?: string): Omit<Result, "scenario" | "inputBytes"> {
  const args = [
    ...process.execArgv,
    SELF,
    "--child",
    mode,
    "--input",
    input,
    ...(jobs ? ["--jobs", jobs] : []),
  ];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`scenario ${mode} failed: ${r.stderr.slice(-2000)}`);
  const last = r.stdout.trim().split("\n").at(-1) ?? "{}";
  return JSON.parse(last) as Omit<Result, "scenario" | "inputBytes">;
}

async function corpus(dataDir: string, format: "mbox" | "eml", sizeBytes: number): Promise<string> {
  const dir = join(dataDir, `corpus-v${GENERATOR_VERSION}-${format}-${sizeBytes}`);
  if (existsSync(join(dir, "DONE"))) return join(dir, "mailboxes");
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`generating ${format} corpus of ${(sizeBytes / 2 ** 30).toFixed(2)} GiB in ${dir}\n`);
  const t = Date.now();
  await generateIncident({
    outDir: dir,
    seed: 1,
    sizeBytes,
    formats: [format],
    patients: 5000,
    mailboxes: 8,
  });
  process.stderr.write(`  generated in ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
  writeFileSync(join(dir, "DONE"), "");
  return join(dir, "mailboxes");
}

/** Copies of a real PST, each with a distinct trailer after the file's end so each is its own source. */
function pstCorpus(dataDir: string, sizeBytes: number): string {
  const source = join(ROOT, "node_modules/pst-extractor/example/testdata/enron.pst");
  const bytes = readFileSync(source);
  const copies = Math.max(1, Math.ceil(sizeBytes / bytes.length));
  const dir = join(dataDir, `pst-${copies}`);
  if (existsSync(join(dir, "DONE"))) return dir;
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < copies; i++) {
    const trailer = Buffer.alloc(512);
    trailer.write(`breachscope benchmark copy ${i}`);
    writeFileSync(join(dir, `enron-${String(i).padStart(4, "0")}.pst`), Buffer.concat([bytes, trailer]));
  }
  writeFileSync(join(dir, "DONE"), "");
  return dir;
}

function readpstSeconds(dir: string): number | undefined {
  try {
    execFileSync("readpst", ["-V"], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  const out = mkdtempSync(join(tmpdir(), "bs-readpst-"));
  const t = process.hrtime.bigint();
  try {
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".pst"))) {
      const o = join(out, f);
      mkdirSync(o);
      execFileSync("readpst", ["-q", "-D", "-o", o, join(dir, f)], { stdio: "ignore" });
      rmSync(o, { recursive: true, force: true });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return Number(process.hrtime.bigint() - t) / 1e9;
}

async function main(): Promise<void> {
  const size = parseSize(arg("size", "1GB")!);
  const only = new Set((arg("only", "parse,mbox,eml,pst") ?? "").split(","));
  const jobs = arg("jobs");
  const dataDir = resolve(arg("data", join(ROOT, ".bench-data"))!);
  mkdirSync(dataDir, { recursive: true });
  const results: Result[] = [];

  if (only.has("mbox") || only.has("parse")) {
    const mbox = await corpus(dataDir, "mbox", size);
    const bytes = dirBytes(mbox);
    if (only.has("parse"))
      results.push({ scenario: "mbox parse only (1 thread)", inputBytes: bytes, ...runChild("parse", mbox) });
    if (only.has("mbox"))
      results.push({ scenario: "mbox ingest", inputBytes: bytes, ...runChild("ingest", mbox, jobs) });
  }
  if (only.has("eml")) {
    const eml = await corpus(dataDir, "eml", size);
    results.push({
      scenario: `eml ingest (${fileCount(eml)} files)`,
      inputBytes: dirBytes(eml),
      ...runChild("ingest", eml, jobs),
    });
  }
  if (only.has("pst")) {
    const pst = pstCorpus(dataDir, size);
    const r: Result = {
      scenario: "pst ingest (enron.pst repeated)",
      inputBytes: dirBytes(pst),
      ...runChild("ingest", pst, jobs),
    };
    const rp = readpstSeconds(pst);
    if (rp !== undefined)
      r.note = `readpst -D on the same files: ${rp.toFixed(1)} s; breachscope/readpst time ratio ${(r.seconds / rp).toFixed(2)}`;
    results.push(r);
  }

  const require = createRequire(import.meta.url);
  const cpu = (require("node:os") as typeof import("node:os")).cpus()[0]?.model ?? "unknown CPU";
  process.stdout.write(`\nnode ${process.version}, ${cpu}, ${jobs ?? "default"} jobs, OCR off\n\n`);
  process.stdout.write(
    "| scenario | input | wall | MB/s | items | items/s | peak RSS |\n|---|---|---|---|---|---|---|\n",
  );
  for (const r of results) {
    const mb = r.inputBytes / 2 ** 20;
    process.stdout.write(
      `| ${r.scenario} | ${mb.toFixed(0)} MB | ${r.seconds.toFixed(1)} s | ${(mb / r.seconds).toFixed(1)} | ${r.items} | ${(r.items / r.seconds).toFixed(0)} | ${r.maxRssMb.toFixed(0)} MB |\n`,
    );
  }
  for (const r of results) if (r.note) process.stdout.write(`\n${r.scenario}: ${r.note}\n`);
}

if (process.argv.includes("--child")) await child();
else await main();
