import type { Command } from "commander";
import { audit } from "../case/case.js";
import { csvRow } from "./csv.js";
import { withCase, writeOut } from "./options.js";

export function registerListingCommands(program: Command): void {
  program
    .command("exceptions")
    .description("list everything that was not fully read, with its reason and where it is")
    .option("--format <format>", "csv or json (one object per line)", "csv")
    .action(async (flags: { format: string }, command: Command) => {
      if (!["csv", "json"].includes(flags.format))
        throw new Error(`--format must be csv or json, not "${flags.format}"`);
      await withCase(command.optsWithGlobals(), async (c) => {
        const sources = new Map((await c.store.listSources()).map((s) => [s.id, s.path]));
        if (flags.format === "csv") {
          await writeOut(
            csvRow([
              "id",
              "source",
              "provenance",
              "item_id",
              "reason",
              "where",
              "detail",
              "stage",
              "created_at",
            ]),
          );
        }
        for await (const x of c.store.exceptions()) {
          const row = {
            id: x.id,
            source: sources.get(x.sourceId) ?? "",
            provenance: x.provenance,
            itemId: x.itemId,
            reason: x.reason,
            where: x.where,
            detail: x.detail,
            stage: x.stage,
            createdAt: x.createdAt,
          };
          await writeOut(flags.format === "json" ? `${JSON.stringify(row)}\n` : csvRow(Object.values(row)));
        }
      });
    });

  program
    .command("items")
    .description("list items: id, kind, provenance, media type, size, sha256, text length, exceptions")
    .option("--json", "one JSON object per line (the default output)")
    .action(async (_flags: unknown, command: Command) => {
      await withCase(command.optsWithGlobals(), async (c) => {
        const byItem = new Map<number, string[]>();
        for await (const x of c.store.exceptions()) {
          if (x.itemId === null) continue;
          const list = byItem.get(x.itemId) ?? [];
          list.push(x.reason);
          byItem.set(x.itemId, list);
        }
        for await (const it of c.store.items()) {
          const exc = byItem.get(it.id);
          await writeOut(
            `${JSON.stringify({
              id: it.id,
              kind: it.kind,
              provenance: it.provenance,
              mediaType: it.mediaType,
              size: it.size,
              sha256: it.sha256,
              textLength: it.textLength,
              ...(it.duplicateOf !== null ? { duplicateOf: it.duplicateOf } : {}),
              ...(exc ? { exception: exc.join(",") } : {}),
            })}\n`,
          );
        }
        await audit(c, "items", { listed: true });
      });
    });

  program
    .command("sources")
    .description("the evidence registry: every source file with its size, SHA-256, and when it was added")
    .option("--json", "one JSON object per line")
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withCase(command.optsWithGlobals(), async (c) => {
        for (const s of await c.store.listSources()) {
          await writeOut(
            flags.json
              ? `${JSON.stringify({ ...s, paths: await c.store.sourcePaths(s.id) })}\n`
              : `${String(s.id).padStart(4)}  ${s.status.padEnd(9)} ${s.format.padEnd(12)} ${String(s.size).padStart(12)}  ${s.sha256}  ${s.addedAt}  ${s.path}\n`,
          );
        }
      });
    });

  program
    .command("audit")
    .description("show the case's append-only audit log")
    .option("--json", "one JSON object per line")
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withCase(command.optsWithGlobals(), async (c) => {
        for (const e of await c.store.listAudit()) {
          await writeOut(
            flags.json
              ? `${JSON.stringify(e)}\n`
              : `${String(e.seq).padStart(5)}  ${e.at}  ${e.actor.padEnd(10)} ${e.command.padEnd(16)} v${e.version}  ${JSON.stringify(e.options)}\n`,
          );
        }
      });
    });
}
