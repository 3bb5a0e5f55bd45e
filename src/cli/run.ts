import { main } from "./main.js";

// Entry used by tests and `tsx`; the installed `breachscope` binary runs the built main.js.
await main(process.argv);
