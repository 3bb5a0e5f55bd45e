import { Command, CommanderError } from "commander";
import { CaseError } from "../case/case.js";
import { VERSION } from "../core/version.js";
import { registerCaseCommands } from "./case-command.js";
import { registerDemoCommand } from "./demo-command.js";
import { registerDetectCommands, registerFindingsCommand } from "./detect-command.js";
import { registerGenerateCommand } from "./generate-command.js";
import { registerIngestCommand } from "./ingest-command.js";
import { registerListingCommands } from "./listing-commands.js";

export function buildProgram(): Command {
  const program = new Command("breachscope")
    .description("Breach response for healthcare email compromises, offline on your own machine")
    .version(VERSION)
    .option("--case <dir>", "the case directory (default: the current directory)");
  registerCaseCommands(program);
  registerIngestCommand(program);
  registerListingCommands(program);
  registerDetectCommands(program);
  registerFindingsCommand(program);
  registerGenerateCommand(program);
  registerDemoCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    // Errors say what failed and where; they never carry document content.
    const msg = err instanceof CaseError ? err.message : err instanceof Error ? err.message : String(err);
    process.stderr.write(`breachscope: ${msg}\n`);
    process.exitCode = 1;
  }
}
