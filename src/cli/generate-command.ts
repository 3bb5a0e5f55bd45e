import type { Command } from "commander";
import { generateIncident } from "../generate/index.js";
import { parseSize } from "../generate/size.js";
import { parsePositiveInt } from "./options.js";
import { formatBytes } from "./progress.js";

interface GenerateFlags {
  out: string;
  seed: number;
  patients?: number;
  mailboxes?: number;
  messages?: number;
  size?: string;
  format?: string;
}

export function registerGenerateCommand(program: Command): void {
  program
    .command("generate")
    .description(
      "write a synthetic breach with a known answer: patient index, mailboxes, audit log, truth.json",
    )
    .requiredOption("--out <dir>", "where to write the incident")
    .option(
      "--seed <n>",
      "random seed (same seed and version: same output)",
      (v) => Number.parseInt(v, 10),
      1,
    )
    .option("--patients <n>", "patients in the index", parsePositiveInt)
    .option("--mailboxes <n>", "staff mailboxes", parsePositiveInt)
    .option("--messages <n>", "messages in all", parsePositiveInt)
    .option("--size <size>", "approximate total size, e.g. 500MB or 5GB (overrides --messages)")
    .option("--format <list>", "mailbox formats: mbox, eml or mbox,eml")
    .action(async (flags: GenerateFlags) => {
      if (!Number.isInteger(flags.seed)) throw new Error("--seed must be a whole number");
      const formats = flags.format?.split(",").map((f) => f.trim());
      for (const f of formats ?? [])
        if (f !== "mbox" && f !== "eml") throw new Error(`unknown format "${f}" (mbox or eml)`);
      const started = Date.now();
      const tty = process.stderr.isTTY === true;
      const summary = await generateIncident({
        outDir: flags.out,
        seed: flags.seed,
        ...(flags.patients ? { patients: flags.patients } : {}),
        ...(flags.mailboxes ? { mailboxes: flags.mailboxes } : {}),
        ...(flags.messages ? { messages: flags.messages } : {}),
        ...(flags.size ? { sizeBytes: parseSize(flags.size) } : {}),
        ...(formats ? { formats: formats as ("mbox" | "eml")[] } : {}),
        onProgress: (p) => {
          if (tty) process.stderr.write(`\r\x1b[2K${p.messages} messages, ${formatBytes(p.bytes)}`);
        },
      });
      if (tty) process.stderr.write("\n");
      const secs = (Date.now() - started) / 1000;
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      process.stderr.write(`generated in ${secs.toFixed(1)} s\n`);
    });
}
