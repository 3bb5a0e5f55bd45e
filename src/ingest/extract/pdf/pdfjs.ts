import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loaded: Promise<PdfJs> | undefined;

/** The legacy (Node-compatible) build of pdf.js, loaded once on first use. */
export function pdfjs(): Promise<PdfJs> {
  loaded ??= import("pdfjs-dist/legacy/build/pdf.mjs").then((mod) => {
    // The worker runs in-process ("fake worker"); point it at the installed file, never a URL fetch.
    mod.GlobalWorkerOptions.workerSrc = pathToFileURL(
      require.resolve("pdfjs-dist/legacy/build/pdf.worker.mjs"),
    ).href;
    return mod;
  });
  return loaded;
}

const root = dirname(require.resolve("pdfjs-dist/package.json"));

/**
 * Document options for offline use: local CMaps (CJK text), standard fonts and wasm decoders
 * (JPEG 2000 and JBIG2 scans) from the installed package; no font faces, no eval.
 */
export const PDF_OPTIONS = {
  cMapUrl: `${join(root, "cmaps")}/`,
  cMapPacked: true,
  standardFontDataUrl: `${join(root, "standard_fonts")}/`,
  wasmUrl: `${join(root, "wasm")}/`,
  iccUrl: `${join(root, "iccs")}/`,
  disableFontFace: true,
  useSystemFonts: false,
  isEvalSupported: false,
  useWorkerFetch: false,
  stopAtErrors: false,
  // Errors only: pdf.js warnings go to the console and are noise at mailbox scale.
  verbosity: 0,
} as const;
