import { expect } from "vitest";
import { UpstreamError } from "@/lib/prometheus/errors";

/** The UpstreamError `fn` throws; fails the test when it throws anything else or nothing. */
export function thrownUpstreamError(fn: () => unknown): UpstreamError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UpstreamError);
    return e as UpstreamError;
  }
  throw new Error("expected an UpstreamError");
}
