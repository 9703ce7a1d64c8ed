import { useSyncExternalStore } from "react";

// One shared one-second clock for every "N s ago" on the page: one timer, however many readers.
let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function snapshot(): number {
  if (now === 0) now = Date.now();
  return now;
}

/**
 * The current time in ms, ticking every second; null during server rendering and hydration,
 * so "updated 5 s ago" never makes the server's HTML disagree with the browser's.
 */
export function useNow(): number | null {
  return useSyncExternalStore(subscribe, snapshot, () => null);
}

const noSubscription = () => () => {};

/** False on the server and during hydration, true after: for output that depends on the browser (its time zone). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
