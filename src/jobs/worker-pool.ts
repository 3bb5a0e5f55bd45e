import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";

/** The tsx loader as an absolute URL (tsx is a dev dependency: only source runs need it). */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
}

export interface TaskRunner<T, R> {
  run(task: T, signal?: AbortSignal): Promise<R>;
  readonly threads: number;
  destroy(): Promise<void>;
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A pool of worker threads running the default export of `workerFile`. Under tests and tsx the
 * worker is a .ts file, so the threads load tsx to run it; built code runs plain .js.
 */
export function workerPool<T, R>(
  workerFile: URL,
  threads: number,
  maxOldGenerationSizeMb = 2048,
): TaskRunner<T, R> {
  const isTs = workerFile.pathname.endsWith(".ts");
  const pool = new Piscina({
    filename: workerFile.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb },
    // Resolved here, not by the thread, so it works whatever the current directory is.
    ...(isTs ? { execArgv: ["--import", tsxLoader()] } : {}),
  });
  return {
    threads,
    run: (task, signal) => pool.run(task, signal ? { signal } : {}) as Promise<R>,
    destroy: () => pool.destroy(),
  };
}

/** Runs tasks on the calling thread: for a single job slot, debugging, and tests. */
export function inProcessRunner<T, R>(
  fn: (task: T) => Promise<R>,
  onDestroy?: () => Promise<void>,
): TaskRunner<T, R> {
  return {
    threads: 1,
    run: async (task, signal) => {
      signal?.throwIfAborted();
      return fn(task);
    },
    destroy: async () => {
      await onDestroy?.();
    },
  };
}
