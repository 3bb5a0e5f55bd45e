/**
 * Measures generation speed: `npx tsx src/generate/bench-size.ts --size 1GB [--out DIR] [--seed N] [--keep]`.
 * Writes into a temporary directory (deleted afterwards unless --keep) and prints MB/s and peak RSS.
 */
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateIncident } from "./incident.js";
import { parseSize } from "./size.js";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "200MB" },
      out: { type: "string" },
      seed: { type: "string", default: "1" },
      patients: { type: "string", default: "2000" },
      mailboxes: { type: "string", default: "8" },
      keep: { type: "boolean", default: false },
    },
  });
  const outDir = values.out ?? join(tmpdir(), `breachscope-bench-${process.pid}`);
  let peakRss = 0;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  let lastReport = 0;
  const summary = await generateIncident({
    outDir,
    seed: Number(values.seed),
    patients: Number(values.patients),
    mailboxes: Number(values.mailboxes),
    sizeBytes: parseSize(values.size),
    onProgress: ({ messages, bytes }) => {
      if (bytes - lastReport > 100 * 1024 * 1024) {
        lastReport = bytes;
        process.stderr.write(`${messages} messages, ${(bytes / 1048576).toFixed(0)} MB\n`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  const mb = summary.bytes / 1048576;
  console.log(
    JSON.stringify(
      {
        outDir,
        seconds: Number(seconds.toFixed(1)),
        megabytes: Number(mb.toFixed(1)),
        mbPerSecond: Number((mb / seconds).toFixed(1)),
        peakRssMB: Math.round(peakRss / 1048576),
        messages: summary.messages,
        copies: summary.messageCopies,
        attachments: summary.attachments,
        items: summary.items,
        affectedPeople: summary.affectedPeople,
      },
      null,
      2,
    ),
  );
  if (!values.keep && !values.out) await rm(outDir, { recursive: true, force: true });
}

await main();
