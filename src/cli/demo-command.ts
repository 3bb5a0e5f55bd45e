import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { initCase, type OpenCase } from "../case/case.js";
import { detectCase } from "../detect/detect-case.js";
import { generateIncident } from "../generate/index.js";
import { ingest } from "../ingest/ingest.js";
import { parsePositiveInt } from "./options.js";
import { formatBytes, progressPrinter } from "./progress.js";

const MARKER = ".breachscope-demo";

interface DemoFlags {
  out: string;
  seed: number;
  patients: number;
  messages: number;
  jobs?: number;
}

/** Runs detection over the case (findings stored with their evidence) and prints counts per element. */
async function detect(c: OpenCase, say: (s: string) => void): Promise<void> {
  say("3/3 Detecting health and personal data in every item's text");
  const r = await detectCase(c, {});
  say(
    `    ${r.items} items, ${formatBytes(r.chars)} of text, in ${(r.elapsedMs / 1000).toFixed(1)} s: ${r.findings} findings`,
  );
  const strong = Object.entries(r.byElement);
  for (let i = 0; i < strong.length; i += 4) {
    const row = strong.slice(i, i + 4).map(([k, n]) => `${k} ${n}`.padEnd(26));
    say(`    ${row.join("").trimEnd()}`);
  }
}

/** How the user ran us, so the suggested commands work as typed (`node bin/breachscope.js` from a clone). */
function invokedAs(): string {
  const script = process.argv[1] ?? "";
  if (/bin[\\/]breachscope(\.js)?$/.test(script)) {
    const rel = relative(process.cwd(), script);
    return rel.startsWith("..") || rel === "" ? "breachscope" : `node ${rel}`;
  }
  return "breachscope";
}

/** Clears a previous demo folder; refuses to touch a folder the demo did not create. */
function prepare(dir: string): void {
  if (!existsSync(dir)) return;
  if (!existsSync(join(dir, MARKER)) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} exists and was not made by the demo; choose another folder with --out`);
  }
  rmSync(dir, { recursive: true, force: true });
}

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("generate a small synthetic incident and run breachscope on it (no real PHI)")
    .option("--out <dir>", "folder for the synthetic evidence and the case", "demo-case")
    .option("--seed <n>", "random seed", (v) => Number.parseInt(v, 10), 7)
    .option("--patients <n>", "patients in the synthetic index", parsePositiveInt, 400)
    .option("--messages <n>", "distinct messages to write", parsePositiveInt, 300)
    .option("-j, --jobs <n>", "worker threads", parsePositiveInt)
    .action(async (flags: DemoFlags) => {
      const out = resolve(flags.out);
      prepare(out);
      const evidence = join(out, "evidence");
      const say = (s: string) => process.stdout.write(`${s}\n`);

      say(
        `1/2 Generating a synthetic incident (seed ${flags.seed}) in ${relative(process.cwd(), evidence) || "."}`,
      );
      const gen = await generateIncident({
        outDir: evidence,
        seed: flags.seed,
        patients: flags.patients,
        messages: flags.messages,
      });
      writeFileSync(join(out, MARKER), "made by breachscope demo\n");
      say(
        `    ${gen.mailboxes.length} mailboxes, ${gen.messageCopies} messages (${gen.messages} distinct), ${gen.attachments} attachments, ${formatBytes(gen.mailboxBytes)}; patient index of ${gen.patientsInIndex}`,
      );
      say(
        `    known answer: ${gen.affectedPeople} people's data in the compromised mailboxes (${gen.compromisedAccounts.join(", ")})`,
      );

      const caseDir = join(out, "case");
      say(`2/3 Ingesting the mailboxes into a case in ${relative(process.cwd(), caseDir)}`);
      const c = await initCase(caseDir, `Demo incident (seed ${flags.seed})`);
      try {
        const report = await ingest(c, {
          paths: [join(evidence, "mailboxes")],
          ...(flags.jobs ? { jobs: flags.jobs } : {}),
          onProgress: progressPrinter(process.stderr),
          auditOptions: { demo: true, seed: flags.seed },
        });
        const declared = report.sources.reduce((n, s) => n + (s.declared ?? 0), 0);
        const read = report.sources.reduce((n, s) => n + s.read, 0);
        const files = report.sources.reduce((n, s) => n + s.locations, 0);
        say(
          `    ${files} files registered with SHA-256 as ${report.sources.length} sources (identical files are read once, every path kept); declared ${declared}, read ${read}`,
        );
        say(
          `    ${report.items} items: ${report.messages} messages (${report.duplicates} duplicate copies linked), ${report.attachments} attachments and archive members`,
        );
        const types = Object.entries(report.byMediaType)
          .slice(0, 8)
          .map(([t, n]) => `${t} ${n}`)
          .join(", ");
        say(`    by type: ${types}`);
        const exc = Object.entries(report.exceptionsByReason)
          .map(([r, n]) => `${r} ${n}`)
          .join(", ");
        say(`    exceptions: ${report.exceptions}${exc ? ` (${exc})` : ""}`);
        say(`    in ${(report.elapsedMs / 1000).toFixed(1)} s`);
        await detect(c, say);
      } finally {
        await c.store.close();
      }
      const rel = relative(process.cwd(), caseDir) || ".";
      const cli = invokedAs();
      say("");
      say("Look next:");
      say(`  ${cli} exceptions --case ${rel}      what was not fully read, and why`);
      say(`  ${cli} items --case ${rel} | head    every item with its provenance`);
      say(`  ${cli} audit --case ${rel}           who ran what, when`);
      say(`  ${cli} findings --case ${rel} | head  each finding: where, which detector, why, how sure`);
      say(
        `  ${relative(process.cwd(), join(evidence, "truth.json"))}  the known answer (people and data elements)`,
      );
    });
}
