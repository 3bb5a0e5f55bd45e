import type { IngestProgress } from "../ingest/ingest.js";

function formatBytes(n: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 100 || i === 0 ? 0 : 1)} ${units[i]}`;
}

function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0
    ? `${h}h${String(m).padStart(2, "0")}m`
    : m > 0
      ? `${m}m${String(sec).padStart(2, "0")}s`
      : `${sec}s`;
}

export { formatBytes, formatDuration };

/**
 * Progress for a terminal (one line redrawn in place, with a bar and ETA) or for logs (a
 * plain line every few seconds). Shows counts and rates only: never file content.
 */
export function progressPrinter(stream: NodeJS.WriteStream, quiet = false): (p: IngestProgress) => void {
  if (quiet) return () => {};
  const tty = stream.isTTY === true;
  let lastLine = 0;
  return (p) => {
    const secs = Math.max(0.001, p.elapsedMs / 1000);
    const rate = `${Math.round(p.items / secs)} items/s, ${formatBytes(p.bytes / secs)}/s`;
    const eta =
      p.fraction > 0.01 && p.phase !== "done"
        ? `, ETA ${formatDuration((p.elapsedMs / p.fraction) * (1 - p.fraction))}`
        : "";
    const where = `source ${Math.min(p.sourcesDone + 1, p.sourcesTotal)}/${p.sourcesTotal}`;
    const summary = `${p.items} items, ${formatBytes(p.bytes)} (${rate})`;
    if (tty) {
      const width = 24;
      const filled = Math.round(p.fraction * width);
      const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(p.fraction * 100).toFixed(0).padStart(3)}%`;
      stream.write(`\r\x1b[2K${bar} ${where} ${summary}${eta}`);
      if (p.phase === "done") stream.write("\n");
      return;
    }
    const t = Date.now();
    if (p.phase === "done" || t - lastLine >= 5000) {
      lastLine = t;
      stream.write(`progress: ${(p.fraction * 100).toFixed(0)}% ${where} ${summary}${eta}\n`);
    }
  };
}
