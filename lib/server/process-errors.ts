import type { Logger } from "pino";

/**
 * The `event` of the log line an unhandled rejection leaves. Next logs its own `unhandledRejection:`
 * line too; the test stacks fail when a dashboard log holds this word at all.
 */
export const UNHANDLED_REJECTION = "unhandledRejection";

/**
 * Logs every unhandled rejection as one JSON line, with the reason's stack. A rejection nobody
 * handles is a promise someone started and then forgot: a bug, even when the answer went out fine.
 */
export function logUnhandledRejections(log: Logger): void {
  process.on("unhandledRejection", (reason) =>
    log.error({ event: UNHANDLED_REJECTION, err: reason }, "unhandled promise rejection"),
  );
}
