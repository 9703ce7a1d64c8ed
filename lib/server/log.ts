import pino from "pino";
import { processSingleton } from "./singleton";

/** JSON logs to stdout, one object per line. */
export function getLogger(): pino.Logger {
  return processSingleton("logger", () =>
    pino({ base: { service: "signalboard" }, level: process.env.LOG_LEVEL ?? "info" }),
  );
}
