// The life of one bench run: its clock and log, its time budget, Ctrl-C, and the cleanup of
// everything it started (the process groups and the browser).
import type { Browser } from "@playwright/test";
import { StackError } from "../demo/ports";
import { launchBrowser } from "./browser";
import { stopAll, survivors } from "./stack";

export class BenchSession {
  readonly started = Date.now();
  private readonly deadline: number;
  private browser: Browser | undefined;
  private cleaning: Promise<void> | undefined;
  interrupted = false;
  private interruptedAt = 0;

  constructor(private readonly o: { maxMinutes: number; jsFlags: string | null }) {
    this.deadline = this.started + o.maxMinutes * 60_000;
  }

  /** A line on stdout after the seconds since the start. */
  readonly log = (s: string): void => {
    process.stdout.write(`[${((Date.now() - this.started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
  };

  /** Chromium, launched on first use and shared by the browser phases until cleanup. */
  async chromium(): Promise<Browser> {
    this.browser ??= await launchBrowser(this.o.jsFlags ?? undefined);
    return this.browser;
  }

  /** Closes the browser and stops every process group the bench started; once, however often asked. */
  cleanup(): Promise<void> {
    this.cleaning ??= (async () => {
      await this.browser?.close().catch(() => undefined);
      this.browser = undefined;
      await stopAll();
    })();
    return this.cleaning;
  }

  /** Throws before `what` once interrupted or past --max-minutes. */
  checkTime(what: string): void {
    if (this.interrupted) throw new StackError("interrupted");
    if (Date.now() > this.deadline) throw new StackError(`--max-minutes ${this.o.maxMinutes} reached before ${what}`);
  }

  /** On SIGINT or SIGTERM: stop everything the bench started, say what is left, exit 130. */
  stopOnSignals(): void {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        if (this.interrupted) {
          // npm and tsx relay a terminal's Ctrl-C as more signals: only a later, second Ctrl-C means
          // "leave now" (the exit hook in demo/processes.ts still sends SIGTERM to every group).
          if (Date.now() - this.interruptedAt > 3000) process.exit(130);
          return;
        }
        this.interrupted = true;
        this.interruptedAt = Date.now();
        this.log(`${signal}: stopping everything the bench started…`);
        // A signal handler cannot wait: the chain ends the process itself.
        void this.cleanup().then(async () => {
          const left = await survivors();
          this.log(left.length ? `left running: ${left.map((c) => `${c.name} (${c.pid})`).join(", ")}` : "all stopped");
          process.exit(130);
        });
      });
    }
  }
}
