/**
 * Detection throughput: builds ~50 MB (override with --mb N) of mixed text in memory — mail-like
 * prose with embedded identifiers, numbers that must NOT be reported (timestamps, order numbers,
 * versions, amounts) and tab-separated sheets — then runs detectAll document by document and prints
 * MB/s and peak RSS. Single-threaded: the figure is per core.
 *
 *   npx tsx bench/detect.ts            # or: npm run build && node dist/bench/detect.js
 */
import { detectAll, PATTERN_DETECTORS } from "../src/detect/registry.js";

const args = process.argv.slice(2);
const mbArg = args.indexOf("--mb");
const targetMb = mbArg >= 0 ? Number(args[mbArg + 1]) : 50;
const sheetArg = args.indexOf("--sheets");
/** Share of the corpus (by characters) that is spreadsheet text; default 0.35. */
const sheetShare = sheetArg >= 0 ? Number(args[sheetArg + 1]) : 0.35;

let seed = 0x2545f491;
function rand(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x100000000;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join("");
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const p2 = (n: number) => String(n).padStart(2, "0");

const WORDS =
  "the patient was seen today for follow up of chronic conditions and reports feeling better overall with improved appetite and sleep please review the attached results and let me know if any changes are needed to the plan of care we will schedule another visit in two weeks thanks for your help with this and the billing team will reach out about the balance".split(
    " ",
  );
const FIRST = ["Maria", "James", "Linda", "Robert", "Ana", "Wei", "Fatima", "John", "Keisha", "Luis"];
const LAST = ["Garcia", "Smith", "Nguyen", "Johnson", "Patel", "Brown", "Okafor", "Lee", "Miller", "Davis"];

function sentence(): string {
  const n = int(8, 22);
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(pick(WORDS));
  return `${w.join(" ")}.`;
}

function phone(): string {
  return pick([
    () => `(${int(201, 989)}) ${int(201, 989)}-${digits(4)}`,
    () => `${int(201, 989)}-${int(201, 989)}-${digits(4)}`,
    () => `${int(201, 989)}.${int(201, 989)}.${digits(4)}`,
  ])();
}

function date(): string {
  const y = int(1930, 2024);
  const m = int(1, 12);
  const d = int(1, 28);
  return pick([`${p2(m)}/${p2(d)}/${y}`, `${m}/${d}/${y % 100}`, `${y}-${p2(m)}-${p2(d)}`]);
}

function identifierSentence(): string {
  return pick([
    () => `Patient ${pick(FIRST)} ${pick(LAST)} (MRN ${digits(8)}, DOB ${date()}) called from ${phone()}.`,
    () =>
      `SSN ${int(100, 665)}-${int(10, 99)}-${int(1000, 9999)} on file; member ID ${pick(["W", "XYZ", "H"])}${digits(9)}.`,
    () => `Admitted ${date()} and discharged ${date()}, Dx: E11.9, I10; CPT 99213.`,
    () =>
      `Contact ${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase()}@mail${int(1, 9)}.org or fax ${phone()}.`,
    () => `Lives at ${int(1, 9999)} Oak St, Springfield, IL ${digits(5)}; ${int(20, 95)} y/o.`,
  ])();
}

function noiseSentence(): string {
  return pick([
    () => `Sent: ${pick(["Monday", "Friday"])}, March ${int(1, 28)}, 2024 ${int(1, 12)}:${p2(int(0, 59))} AM`,
    () =>
      `Order #${digits(9)} shipped via tracking 1Z${digits(16)}; invoice INV-${digits(6)} total $${int(10, 9999)}.${p2(int(0, 99))}.`,
    () =>
      `Build ${int(1, 20)}.${int(0, 9)}.${int(0, 99)}.${int(0, 999)} deployed at 10:${p2(int(0, 59))}:${p2(int(0, 59))}.`,
    () => `Ref ${digits(10)} and case ${digits(7)} closed on ${int(1, 12)}/${int(1, 28)}.`,
  ])();
}

function prose(): string {
  const parts: string[] = [
    `From: ${pick(FIRST)} ${pick(LAST)} <staff${int(1, 99)}@hospital.org>`,
    `Subject: ${pick(WORDS)} ${pick(WORDS)}`,
    "",
  ];
  const paragraphs = int(3, 8);
  for (let p = 0; p < paragraphs; p++) {
    const s: string[] = [];
    for (let i = int(3, 7); i > 0; i--) {
      const r = rand();
      s.push(r < 0.15 ? identifierSentence() : r < 0.3 ? noiseSentence() : sentence());
    }
    parts.push(s.join(" "), "");
  }
  return parts.join("\n");
}

function sheet(): string {
  const rows = [
    `Sheet: ${pick(["Census", "Denials", "Labs"])}`,
    "Patient Name\tMRN\tDOB\tPhone\tZip\tAmount",
  ];
  for (let i = int(20, 200); i > 0; i--) {
    rows.push(
      `${pick(LAST).toUpperCase()}, ${pick(FIRST).toUpperCase()}\t${digits(8)}\t${date()}\t${phone()}\t${digits(5)}\t${int(1, 9999)}.${p2(int(0, 99))}`,
    );
  }
  return rows.join("\n");
}

const docs: string[] = [];
let bytes = 0;
let sheetBytes = 0;
while (bytes < targetMb * 1024 * 1024) {
  const d = sheetBytes < sheetShare * bytes ? sheet() : prose();
  if (d.startsWith("Sheet:")) sheetBytes += d.length;
  docs.push(d);
  bytes += d.length;
}

// Two configurations: every built-in detector, and the pattern detectors alone (names, addresses and
// clinical terms are dictionary detectors with their own cost profile).
const patternIds = PATTERN_DETECTORS.map((d) => d.meta.id);
const mb = bytes / (1024 * 1024);
for (const [label, options] of [
  ["all built-in detectors", {}],
  ["pattern detectors only", { detectors: patternIds }],
] as const) {
  // Warm up the regex engine and JIT on a small slice, then time the whole corpus.
  for (const d of docs.slice(0, 50)) detectAll(d, options);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let findings = 0;
  for (const d of docs) findings += detectAll(d, options).length;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `detect (${label}): ${docs.length} documents, ${mb.toFixed(1)} MB (UTF-16 chars/2^20) in ${seconds.toFixed(2)} s wall = ${(mb / seconds).toFixed(1)} MB/s ` +
      `(${cpuSeconds.toFixed(2)} s CPU incl. GC threads = ${(mb / cpuSeconds).toFixed(1)} MB/s per CPU-second); ${findings} findings`,
  );
}
console.log(
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (corpus held in memory: ${(mb * 2).toFixed(0)} MB as UTF-16)`,
);
