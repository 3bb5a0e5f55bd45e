import { readdirSync, readFileSync } from "node:fs";
import { detectAll } from "./registry.js";

const files = process.argv.slice(2);
const counts = new Map<string, number>();
const samples = new Map<string, string[]>();
let chars = 0;
const t0 = process.cpuUsage();
for (const f of files) {
  const text = readFileSync(f, "latin1");
  chars += text.length;
  for (const x of detectAll(text)) {
    const k = `${x.element}@${x.score}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
    const s = samples.get(k) ?? [];
    if (s.length < 6) s.push(JSON.stringify(text.slice(Math.max(0, x.start - 25), x.end + 5)));
    samples.set(k, s);
  }
}
const cpu = process.cpuUsage(t0);
console.log("chars", chars, "cpu s", (cpu.user + cpu.system) / 1e6);
for (const [k, n] of [...counts].sort())
  console.log(k.padEnd(22), n, (samples.get(k) ?? []).join(" | ").slice(0, 400));
