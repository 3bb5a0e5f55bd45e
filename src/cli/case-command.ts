import type { Command } from "commander";
import { initCase } from "../case/case.js";
import { withCase } from "./options.js";

export function registerCaseCommands(program: Command): void {
  const cmd = program.command("case").description("create and inspect cases");
  cmd
    .command("init <dir>")
    .description("create a case: a SQLite store, an evidence registry and an append-only audit log")
    .option("--name <name>", "a name for the incident")
    .action(async (dir: string, opts: { name?: string }) => {
      const c = await initCase(dir, opts.name);
      await c.store.close();
      process.stdout.write(
        `Created case "${c.info.name}" in ${c.dir}\nNext: breachscope ingest --case ${dir} PATH...\n`,
      );
    });
  cmd
    .command("info")
    .description("show the case, its sources and counts")
    .action(async (_o, command: Command) => {
      await withCase(command.optsWithGlobals(), async (c) => {
        const sources = await c.store.listSources();
        const counts = await c.store.itemCounts();
        const exc = await c.store.exceptionCounts();
        const lines = [
          `Case ${c.info.name} (${c.info.id}), created ${c.info.createdAt} by ${c.info.createdBy}`,
          `Store: ${c.info.store} in ${c.dir}`,
          `Sources: ${sources.length} (${sources.filter((s) => s.status === "done").length} done)`,
          `Items: ${
            Object.entries(counts.byKind)
              .map(([k, n]) => `${k} ${n}`)
              .join(", ") || "none"
          }`,
          `Exceptions: ${
            Object.entries(exc)
              .map(([k, n]) => `${k} ${n}`)
              .join(", ") || "none"
          }`,
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    });
}
