import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { loadCustomConfigFile } from "../detect/custom.js";
import { evaluate, formatEvaluation } from "../detect/eval.js";
import { BUILTIN_DETECTORS, type DetectOptions } from "../detect/registry.js";
import { detectText, findingsToJsonLines } from "../detect/text.js";
import { writeOut } from "./options.js";

interface DetectFlags {
  text?: string;
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
    .action(async (flags: DetectFlags & { list?: boolean }) => {
      if (flags.list) {
        for (const d of BUILTIN_DETECTORS) {
          await writeOut(
            `${d.meta.id.padEnd(22)} ${d.meta.elements.join(",").padEnd(28)} ${d.meta.description}\n`,
          );
        }
        return;
      }
      if (!flags.text) {
        throw new Error(
          "detection over a case's items is not built yet; use --text FILE (or - for standard input)",
        );
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
