import { readFileSync } from "node:fs";
import { prepareDocument } from "./document.js";
import { BUILTIN_DETECTORS } from "./registry.js";

const docs: string[] = JSON.parse(readFileSync("/tmp/bsd/docs.json", "utf8"));
const prepared = docs.map((d) => prepareDocument(d));
for (const det of BUILTIN_DETECTORS) det.detect(prepared[0]!);
let t = process.hrtime.bigint();
const pd = docs.map((d) => prepareDocument(d));
console.log("prepare", Number(process.hrtime.bigint() - t) / 1e6);
for (const det of BUILTIN_DETECTORS) {
  t = process.hrtime.bigint();
  let n = 0;
  for (const d of prepared) n += det.detect(d).length;
  console.log(det.meta.id.padEnd(16), (Number(process.hrtime.bigint() - t) / 1e6).toFixed(0), n);
}
void pd;
