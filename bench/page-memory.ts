// A page's memory read over the Chrome DevTools Protocol: JS heap after forced GCs, DOM counts, and
// aggregated heap snapshots (heap.ts).
import type { CDPSession, Page } from "@playwright/test";
import { aggregateHeapSnapshot, type HeapAggregate } from "./heap";

/** One reading of the TV page's memory. */
export interface HeapSample {
  /** Refresh cycles since the start sample (0 = the start sample itself, taken after the warm-up cycles; negative during the warm-up). */
  cycle: number;
  /** Seconds since the soak opened the page. */
  seconds: number;
  /** JS heap used (V8's JSHeapUsedSize) after forced GCs: the least of the reads. */
  jsHeapUsedMiB: number;
  /** Each read, one forced GC (CDP HeapProfiler.collectGarbage) before each. */
  jsHeapReadsMiB: number[];
  /** Chromium's count of live DOM nodes (text nodes and detached ones included). */
  domNodes: number;
  /** Elements in the document. */
  documentElements: number;
  listeners: number;
  /** API requests the page started since the start sample. */
  apiRequests: number;
}

const GC_READS = 3;

/**
 * Heap after forced GCs, read `GC_READS` times (a GC can leave garbage a later one frees, e.g.
 * through weak references or finalizers), and the DOM.
 */
export async function heapSample(
  page: Page,
  cdp: CDPSession,
  at: { cycle: number; seconds: number; apiRequests: number },
): Promise<HeapSample> {
  const reads: number[] = [];
  let metrics: { name: string; value: number }[] = [];
  for (let i = 0; i < GC_READS; i++) {
    await cdp.send("HeapProfiler.collectGarbage");
    ({ metrics } = await cdp.send("Performance.getMetrics"));
    reads.push((metrics.find((x) => x.name === "JSHeapUsedSize")?.value ?? NaN) / 1024 / 1024);
  }
  const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? NaN;
  const documentElements = await page.evaluate(() => document.getElementsByTagName("*").length);
  return {
    ...at,
    jsHeapUsedMiB: Math.min(...reads),
    jsHeapReadsMiB: reads,
    domNodes: m("Nodes"),
    documentElements,
    listeners: m("JSEventListeners"),
  };
}

/** A heap snapshot of the page (after a forced GC), aggregated; the snapshot itself is not kept. */
export async function heapSnapshot(cdp: CDPSession): Promise<HeapAggregate> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  } finally {
    cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
  }
  return aggregateHeapSnapshot(chunks.join(""));
}
