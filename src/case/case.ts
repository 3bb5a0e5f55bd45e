import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join, resolve } from "node:path";
import { VERSION } from "../core/version.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import type { Store } from "../store/types.js";

/** The file that marks a directory as a breachscope case. */
export const CASE_FILE = "case.json";
export const STORE_FILE = "case.sqlite";

export interface CaseInfo {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
  version: string;
  store: "sqlite";
}

export interface OpenCase {
  dir: string;
  info: CaseInfo;
  store: Store;
  /** Scratch space inside the case (archive members spilled to disk); emptied after each run. */
  workDir: string;
}

export class CaseError extends Error {
  override name = "CaseError";
}

export function currentActor(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? "unknown";
  }
}

/** Creates a case directory with its store, evidence registry and audit log. */
export async function initCase(dirArg: string, name?: string): Promise<OpenCase> {
  const dir = resolve(dirArg);
  if (existsSync(join(dir, CASE_FILE))) throw new CaseError(`a case already exists in ${dir}`);
  mkdirSync(dir, { recursive: true });
  const info: CaseInfo = {
    id: randomUUID(),
    name: name ?? dir.split(/[\\/]/).pop() ?? "case",
    createdAt: new Date().toISOString(),
    createdBy: currentActor(),
    version: VERSION,
    store: "sqlite",
  };
  const store = new SqliteStore(join(dir, STORE_FILE));
  await store.setMeta("case", JSON.stringify(info));
  writeFileSync(join(dir, CASE_FILE), `${JSON.stringify(info, null, 2)}\n`);
  await store.appendAudit({
    actor: info.createdBy,
    command: "case init",
    version: VERSION,
    options: { dir, name: info.name },
    detail: { caseId: info.id },
  });
  return { dir, info, store, workDir: prepareWorkDir(dir) };
}

function prepareWorkDir(dir: string): string {
  const work = join(dir, "work");
  mkdirSync(work, { recursive: true });
  return work;
}

/** Opens the case in `dirArg`, or in the current directory when none is given. */
export async function openCase(dirArg?: string): Promise<OpenCase> {
  const dir = resolve(dirArg ?? process.cwd());
  const file = join(dir, CASE_FILE);
  if (!existsSync(file)) {
    throw new CaseError(
      dirArg
        ? `${dir} is not a breachscope case (no ${CASE_FILE}); create one with: breachscope case init ${dirArg}`
        : `the current directory is not a breachscope case; pass --case DIR or run: breachscope case init DIR`,
    );
  }
  let info: CaseInfo;
  try {
    info = JSON.parse(readFileSync(file, "utf8")) as CaseInfo;
  } catch (err) {
    throw new CaseError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const store = new SqliteStore(join(dir, STORE_FILE));
  return { dir, info, store, workDir: prepareWorkDir(dir) };
}

/** Records a command in the case's append-only audit log. */
export async function audit(
  c: OpenCase,
  command: string,
  options: unknown,
  detail: unknown = null,
): Promise<void> {
  await c.store.appendAudit({ actor: currentActor(), command, version: VERSION, options, detail });
}
