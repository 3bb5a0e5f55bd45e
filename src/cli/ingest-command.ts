import type { Command } from "commander";
import { ingest } from "../ingest/ingest.js";
import { parsePositiveInt, withCase, writeOut } from "./options.js";
import { progressPrinter } from "./progress.js";
import { formatReconciliation } from "./reconciliation.js";

interface IngestFlags {
  json?: boolean;
  jobs?: number;
  ocr: boolean;
  quiet?: boolean;
  maxItemMb?: number;
  maxDepth?: number;
  timeout?: number;
}

export function registerIngestCommand(program: Command): void {
  program
    .command("ingest <paths...>")
    .description(
      "read mailboxes (PST/OST, MSG, EML, MBOX), folders and ZIPs of them, and every attachment, into the case",
    )
    .option("--json", "print one JSON object with the reconciliation at the end")
    .option("-j, --jobs <n>", "worker threads (default: one per core; 1 = no threads)", parsePositiveInt)
    .option("--no-ocr", "do not OCR images and scanned PDF pages")
    .option("-q, --quiet", "no progress output")
    .option("--max-item-mb <n>", "largest attachment or member read, in MB", parsePositiveInt)
    .option("--max-depth <n>", "deepest nesting of containers", parsePositiveInt)
    .option("--timeout <seconds>", "longest time for one message with its attachments", parsePositiveInt)
    .action(async (paths: string[], flags: IngestFlags, command: Command) => {
      await withCase(command.optsWithGlobals(), async (c) => {
        const limits = {
          ...(flags.maxItemMb ? { maxItemBytes: flags.maxItemMb * 1024 * 1024 } : {}),
          ...(flags.maxDepth ? { maxDepth: flags.maxDepth } : {}),
        };
        const report = await ingest(c, {
          paths,
          ocr: flags.ocr,
          limits,
          ...(flags.jobs ? { jobs: flags.jobs } : {}),
          ...(flags.timeout ? { entryTimeoutMs: flags.timeout * 1000 } : {}),
          onProgress: progressPrinter(process.stderr, flags.quiet === true || flags.json === true),
          auditOptions: { paths, ...flags },
        });
        if (flags.json) {
          const { sources, ...rest } = report;
          await writeOut(
            `${JSON.stringify({
              sources: sources.map((s) => ({
                path: s.path,
                sha256: s.sha256,
                format: s.format,
                status: s.status,
                items: s.items,
                declared: s.declared,
                read: s.read,
                exceptions: s.exceptions,
                locations: s.locations,
              })),
              ...rest,
            })}\n`,
          );
        } else {
          await writeOut(`${formatReconciliation(report)}\n`);
        }
        if (report.missing.length > 0 || report.unreadable.length > 0) {
          process.exitCode = 2;
        }
      });
    });
}
