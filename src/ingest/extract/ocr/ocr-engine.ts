import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Tesseract from "tesseract.js";

const require = createRequire(import.meta.url);

/** How long one image may take before its worker is discarded. */
export const OCR_TIMEOUT_MS = 120_000;

export interface OcrResult {
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
}

/**
 * Paths to the installed engine and English model so that nothing is fetched: the
 * traineddata ships gzipped in @tesseract.js-data/eng, the wasm core in tesseract.js-core.
 */
function offlineOptions(): Partial<Tesseract.WorkerOptions> {
  const langPath = join(dirname(require.resolve("@tesseract.js-data/eng/package.json")), "4.0.0");
  return {
    langPath,
    gzip: true,
    // The model is read from langPath every time; never written to (or read from) a cache dir.
    cacheMethod: "none",
    cachePath: langPath,
    corePath: dirname(require.resolve("tesseract.js-core/package.json")),
    workerPath: join(
      dirname(require.resolve("tesseract.js/package.json")),
      "src/worker-script/node/index.js",
    ),
    // Without a handler tesseract.js rethrows job errors inside its message listener (uncaught).
    errorHandler: () => {},
  };
}

let workerPromise: Promise<Tesseract.Worker> | undefined;
// Jobs run one at a time so that each timeout measures its own image, not the queue.
let queue: Promise<unknown> = Promise.resolve();

function getWorker(): Promise<Tesseract.Worker> {
  workerPromise ??= Tesseract.createWorker("eng", Tesseract.OEM.LSTM_ONLY, offlineOptions()).catch((err) => {
    workerPromise = undefined;
    throw err instanceof Error ? err : new Error(String(err));
  });
  return workerPromise;
}

async function discardWorker(): Promise<void> {
  const pending = workerPromise;
  workerPromise = undefined;
  if (!pending) return;
  try {
    await (await pending).terminate();
  } catch {
    // Already dead.
  }
}

async function recognizeWithTimeout(image: Buffer, timeoutMs: number): Promise<OcrResult> {
  const worker = await getWorker();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`OCR timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = await Promise.race([worker.recognize(image), timeout]);
    return { text: result.data.text ?? "", confidence: result.data.confidence ?? 0 };
  } catch (err) {
    // A timed-out or failed worker may be wedged; the next image gets a fresh one.
    await discardWorker();
    throw err instanceof Error ? err : new Error(String(err));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Recognises English text in one encoded image (PNG, JPEG, BMP, TIFF, WEBP, GIF) with the
 * process-wide worker, which is created on first use. Rejects on failure or timeout.
 */
export function ocrImage(bytes: Uint8Array | Buffer, timeoutMs = OCR_TIMEOUT_MS): Promise<OcrResult> {
  const image = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const job = queue.then(() => recognizeWithTimeout(image, timeoutMs));
  queue = job.catch(() => undefined);
  return job;
}

/** Terminates the OCR worker (call once at the end of a run so the process can exit). */
export async function shutdownOcr(): Promise<void> {
  await queue;
  await discardWorker();
}
