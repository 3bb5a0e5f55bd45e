import { type OpenCase, openCase } from "../case/case.js";

/** Options every case command shares. */
export interface CaseOption {
  case?: string;
}

/** Opens the case named by --case (or the current directory), runs `fn`, and always closes the store. */
export async function withCase<T>(opts: CaseOption, fn: (c: OpenCase) => Promise<T>): Promise<T> {
  const c = await openCase(opts.case);
  try {
    return await fn(c);
  } finally {
    await c.store.close();
  }
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a positive whole number, got "${value}"`);
  return n;
}

/** Writes to stdout, ending quietly when the reader goes away (e.g. piped into `head`). */
export function writeOut(text: string): Promise<void> {
  return new Promise((res) => {
    if (!process.stdout.write(text)) process.stdout.once("drain", res);
    else res();
  });
}

process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});
