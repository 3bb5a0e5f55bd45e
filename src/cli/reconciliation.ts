import type { IngestReport } from "../ingest/report.js";

/** The human-readable reconciliation printed at the end of ingest. */
export function formatReconciliation(r: IngestReport): string {
  const out: string[] = [];
  out.push("Reconciliation (declared vs read per source)");
  for (const s of r.sources) {
    const declared = s.declared === null ? "n/a" : String(s.declared);
    const gap = s.declared !== null && s.read < s.declared ? `  SHORTFALL ${s.declared - s.read}` : "";
    out.push(
      `  ${s.path}\n    ${s.format}, sha256 ${s.sha256.slice(0, 16)}…, ${s.status}: declared ${declared}, read ${s.read}, items ${s.items}, exceptions ${s.exceptions}${gap}`,
    );
  }
  out.push("");
  out.push(
    `Items: ${r.items} (messages ${r.messages}, attachments ${r.attachments}, duplicates linked ${r.duplicates})`,
  );
  for (const [k, n] of Object.entries(r.byType).sort((a, b) => b[1] - a[1]))
    out.push(`  ${k.padEnd(18)} ${n}`);
  out.push(`Exceptions: ${r.exceptions}`);
  for (const [k, n] of Object.entries(r.exceptionsByReason)) out.push(`  ${k.padEnd(18)} ${n}`);
  if (r.missing.length) out.push(`Not found (nothing ingested): ${r.missing.join(", ")}`);
  for (const u of r.unreadable) out.push(`Could not be read (not registered): ${u.path}: ${u.error}`);
  return out.join("\n");
}
