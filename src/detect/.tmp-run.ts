import { readFileSync } from "node:fs";
import { detectAll } from "./registry.js";

const text = readFileSync(process.argv[2]!, "utf8");
for (const f of detectAll(text))
  console.log(
    f.element.padEnd(15),
    f.score,
    JSON.stringify(f.text),
    f.detector,
    f.row ?? "",
    (f.explanation.context ?? []).join(","),
  );
