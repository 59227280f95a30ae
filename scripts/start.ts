/** `npm start`: production server (after `npm run build`); NYLAS_MODE must be set. */
import { runApp } from "./lib/app-runner";

await runApp("start");
