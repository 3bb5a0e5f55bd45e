import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { audit } from "../case/case.js";
import { loadCustomConfigFile } from "../detect/custom.js";
import { detectCase } from "../detect/detect-case.js";
import { evaluate, formatEvaluation } from "../detect/eval.js";
import { BUILTIN_DETECTORS, type DetectOptions } from "../detect/registry.js";
import { detectText, findingsToJsonLines } from "../detect/text.js";
import { parsePositiveInt, withCase, writeOut } from "./options.js";
import { formatBytes } from "./progress.js";

interface DetectFlags {
  text?: string;
  jobs?: number;
  force?: boolean;
  quiet?: boolean;
  json?: boolean;
  detectors?: string;
  minScore?: string;
  custom?: string;
}

async function readInput(path: string): Promise<string> {
  if (path !== "-") return readFile(path, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function detectOptions(flags: DetectFlags): Promise<DetectOptions> {
  const options: DetectOptions = {};
  if (flags.custom) {
    const config = await loadCustomConfigFile(flags.custom);
    options.custom = config.detectors;
    options.deny = config.deny;
  }
  if (flags.detectors) {
    const ids = flags.detectors.split(",").map((d) => d.trim());
    const known = new Set([...BUILTIN_DETECTORS, ...(options.custom ?? [])].map((d) => d.meta.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length)
      throw new Error(`unknown detector(s): ${unknown.join(", ")} (see breachscope detect --list)`);
    options.detectors = ids;
  }
  if (flags.minScore !== undefined) {
    const n = Number(flags.minScore);
    if (!(n >= 0 && n <= 1)) throw new Error(`--min-score must be between 0 and 1, not "${flags.minScore}"`);
    options.minScore = n;
  }
  return options;
}

export function registerDetectCommands(program: Command): void {
  program
    .command("detect")
    .description("find health and personal data; with --text, in a plain-text file (or - for standard input)")
    .option("--text <file>", "read plain text from FILE (or - for standard input) instead of the case")
    .option("--json", "one JSON object per finding: entity, start, end, text, score, detector")
    .option("--detectors <ids>", "only these detector ids, comma-separated")
    .option("--min-score <n>", "drop findings scoring below n (0 to 1)")
    .option("--custom <file>", "extra detectors, deny and allow lists from a JSON file")
    .option("--list", "list the detectors and exit")
    .option("-j, --jobs <n>", "worker threads for a case (default: one per core)", parsePositiveInt)
    .option("--force", "forget the case's earlier findings and detect every item again")
    .option("-q, --quiet", "no progress output")
    .action(async (flags: DetectFlags & { list?: boolean }, command: Command) => {
      if (flags.list) {
        for (const d of BUILTIN_DETECTORS) {
          await writeOut(
            `${d.meta.id.padEnd(22)} ${d.meta.elements.join(",").padEnd(28)} ${d.meta.description}\n`,
          );
        }
        return;
      }
      if (!flags.text) {
        await detectInCase(flags, command);
        return;
      }
      const text = await readInput(flags.text);
      const findings = detectText(text, await detectOptions(flags));
      if (flags.json) {
        await writeOut(findingsToJsonLines(findings));
        return;
      }
      // Without --json: a count per element, never the matched text (it is PHI).
      const counts = new Map<string, number>();
      for (const f of findings) counts.set(f.element, (counts.get(f.element) ?? 0) + 1);
      for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) await writeOut(`${k.padEnd(18)} ${n}\n`);
      await writeOut(`${findings.length} findings\n`);
    });

  program
    .command("eval")
    .description("score detection against gold spans (JSONL of {text, spans:[{entity,start,end}]})")
    .requiredOption("--gold <file>", "the gold file")
    .option("--detectors <ids>", "only these detector ids, comma-separated")
    .option("--min-score <n>", "drop findings scoring below n (0 to 1)")
    .option("--custom <file>", "extra detectors from a JSON file")
    .action(async (flags: DetectFlags & { gold: string }) => {
      const gold = await readFile(flags.gold, "utf8");
      const result = evaluate(gold, await detectOptions(flags));
      await writeOut(`${formatEvaluation(result)}\n`);
    });
}

/** `breachscope detect` over the case: every item's text, findings stored with their evidence. */
async function detectInCase(flags: DetectFlags, command: Command): Promise<void> {
  const options = await detectOptions(flags);
  await withCase(command.optsWithGlobals(), async (c) => {
    const tty = process.stderr.isTTY === true && !flags.json && !flags.quiet;
    const report = await detectCase(c, {
      ...(flags.jobs ? { jobs: flags.jobs } : {}),
      ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
      ...(options.detectors ? { detectors: options.detectors } : {}),
      ...(flags.custom ? { customFile: flags.custom } : {}),
      ...(flags.force ? { force: true } : {}),
      onProgress: (p) => {
        if (tty) process.stderr.write(`\r\x1b[2K${p.items}/${p.total} items, ${p.findings} findings`);
      },
    });
    if (tty) process.stderr.write("\n");
    if (flags.json) {
      await writeOut(`${JSON.stringify(report)}\n`);
      return;
    }
    const secs = Math.max(0.001, report.elapsedMs / 1000);
    await writeOut(
      `Detected ${report.items} items (${report.alreadyDetected} already detected), ${formatBytes(report.chars)} of text in ${secs.toFixed(1)} s; ${report.findings} findings\n`,
    );
    await writeOut("Findings in the case by element:\n");
    for (const [k, n] of Object.entries(report.byElement)) await writeOut(`  ${k.padEnd(18)} ${n}\n`);
  });
}

export function registerFindingsCommand(program: Command): void {
  program
    .command("findings")
    .description("list stored findings: item, provenance, element, offsets, score, detector, explanation")
    .option("--with-text", "include the matched text (PHI; the listing is recorded in the audit log)")
    .action(async (flags: { withText?: boolean }, command: Command) => {
      await withCase(command.optsWithGlobals(), async (c) => {
        const provenance = new Map<number, string>();
        for await (const it of c.store.items()) provenance.set(it.id, it.provenance);
        await audit(c, "findings", { withText: flags.withText === true });
        for await (const f of c.store.findings()) {
          const { text, ...rest } = f;
          const row = {
            ...rest,
            provenance: provenance.get(f.itemId) ?? "",
            ...(flags.withText ? { text } : {}),
          };
          await writeOut(`${JSON.stringify(row)}\n`);
        }
      });
    });
}
