/** `npm run dev`: the whole pipeline, no configuration needed (see scripts/lib/app-runner.ts). */
import { runApp } from "./lib/app-runner";

await runApp("dev");
