// What a V8 heap snapshot (Chromium's .heapsnapshot JSON, as CDP's HeapProfiler.takeHeapSnapshot
// streams it) holds, by kind and by constructor: enough to tell a leak of the page's own objects
// from compiled code that a long-running page keeps adding while it warms up.

/**
 * Self sizes by kind, MiB. `code` (bytecode, machine code and their metadata), `strings`,
 * `jsObjects` (objects, arrays, closures, numbers, regexps), `system` (V8's internal objects: maps,
 * descriptor arrays, weak lists) and `native` (Blink and DevTools objects, e.g. the DOM and the
 * network records DevTools keeps for the bench's own CDP session; these are outside V8's
 * JSHeapUsedSize).
 */
export interface HeapKinds {
  code: number;
  strings: number;
  jsObjects: number;
  system: number;
  native: number;
}

/**
 * V8's machine code, MiB: the Code objects with their instruction streams, deoptimisation data and
 * position tables (part of `code` above; bytecode is not counted here). A function reaching a higher
 * tier (Sparkplug, then Maglev, then Turbofan) adds machine code; this tells that from the page's
 * objects, and the page's scripts from those Playwright injects into it.
 */
export interface MachineCode {
  /** Maglev and Turbofan code. */
  optimizedMiB: number;
  /** Sparkplug code. */
  baselineMiB: number;
  /**
   * Of both, the code of functions from scripts without a URL: scripts injected over CDP, i.e. the
   * bench's own (Playwright's fake clock and its page.evaluate helpers), not the page's.
   */
  noUrlMiB: number;
}

export interface HeapBreakdown {
  totalMiB: number;
  nodes: number;
  kinds: HeapKinds;
  /** Absent in results written before it was added. */
  machineCode?: MachineCode;
}

/** One snapshot, aggregated: the breakdown and, per "type:name", the count and self size in bytes. */
export interface HeapAggregate {
  breakdown: HeapBreakdown;
  groups: Map<string, { count: number; bytes: number }>;
}

export interface HeapGrowth {
  /** "object:Foo", "code:system / InstructionStream", "native:blink::…" */
  what: string;
  count: number;
  kib: number;
}

interface RawSnapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const MIB = 1024 * 1024;
const STRING_TYPES = new Set(["string", "concatenated string", "sliced string"]);
const JS_TYPES = new Set(["object", "closure", "array", "regexp", "number", "bigint", "symbol"]);

function kindOf(type: string, name: string): keyof HeapKinds | null {
  if (type === "code") return "code";
  if (STRING_TYPES.has(type)) return "strings";
  if (type === "synthetic") return null;
  if (type === "hidden" || type === "object shape" || name.startsWith("system / ")) return "system";
  if (type === "native") return "native";
  if (JS_TYPES.has(type)) return "jsObjects";
  return "system";
}

/** The group a node is counted in: strings and numbers together, everything else by type and name. */
function groupOf(type: string, name: string): string {
  if (STRING_TYPES.has(type)) return "string";
  if (type === "number") return "number";
  return `${type}:${name.slice(0, 60)}`;
}

/** Aggregates a heap snapshot's JSON text. */
export function aggregateHeapSnapshot(json: string): HeapAggregate {
  const s = JSON.parse(json) as RawSnapshot;
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const width = fields.length;
  const iType = fields.indexOf("type");
  const iName = fields.indexOf("name");
  const iSize = fields.indexOf("self_size");
  const kinds: HeapKinds = { code: 0, strings: 0, jsObjects: 0, system: 0, native: 0 };
  const groups = new Map<string, { count: number; bytes: number }>();
  let total = 0;
  let nodes = 0;
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + iType] as number] ?? "unknown";
    const name = s.strings[s.nodes[i + iName] as number] ?? "";
    const bytes = s.nodes[i + iSize] as number;
    nodes++;
    const kind = kindOf(type, name);
    if (kind === null) continue;
    kinds[kind] += bytes;
    total += bytes;
    const key = groupOf(type, name);
    const g = groups.get(key);
    if (g) {
      g.count++;
      g.bytes += bytes;
    } else groups.set(key, { count: 1, bytes });
  }
  for (const k of Object.keys(kinds) as (keyof HeapKinds)[]) kinds[k] = kinds[k] / MIB;
  return { breakdown: { totalMiB: total / MIB, nodes, kinds, machineCode: machineCode(s) }, groups };
}

// The parts of a Code object counted as its machine code (its bytecode, `interpreter_data`, is not).
const CODE_PARTS = new Set([
  "instruction_stream",
  "deoptimization_data",
  "source_position_table",
  "bytecode_offset_table",
]);
const SCRIPT_PREFIX = "system / Script / ";

/**
 * Machine code by tier and origin. A Code object with `deoptimization_data` is optimised code, one
 * with `interpreter_data` baseline code; its function is the closure whose `code` it is or the
 * SharedFunctionInfo whose `trusted_function_data` it is, and that function's `script` names its URL.
 */
function machineCode(s: RawSnapshot): MachineCode {
  const fields = s.snapshot.meta.node_fields;
  const width = fields.length;
  const iType = fields.indexOf("type");
  const iName = fields.indexOf("name");
  const iSize = fields.indexOf("self_size");
  const iEdges = fields.indexOf("edge_count");
  const ef = s.snapshot.meta.edge_fields;
  const eWidth = ef.length;
  const jType = ef.indexOf("type");
  const jName = ef.indexOf("name_or_index");
  const jTo = ef.indexOf("to_node");
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const nodeTypes = s.snapshot.meta.node_types[0];
  const count = s.nodes.length / width;
  const firstEdge = new Uint32Array(count + 1);
  for (let n = 0, e = 0; n < count; n++) {
    firstEdge[n] = e;
    e += s.nodes[n * width + iEdges] as number;
    firstEdge[n + 1] = e;
  }
  const name = (n: number) => s.strings[s.nodes[n * width + iName] as number] ?? "";
  const type = (n: number) => nodeTypes[s.nodes[n * width + iType] as number] ?? "";
  // Named edges of node n, as [edge name, target node].
  const edges = function* (n: number): Generator<[string, number]> {
    for (let e = firstEdge[n] as number; e < (firstEdge[n + 1] as number); e++) {
      const t = edgeTypes[s.edges[e * eWidth + jType] as number];
      if (t === "element" || t === "hidden") continue;
      yield [s.strings[s.edges[e * eWidth + jName] as number] ?? "", (s.edges[e * eWidth + jTo] as number) / width];
    }
  };
  const target = (n: number, edge: string) => {
    for (const [k, to] of edges(n)) if (k === edge) return to;
    return -1;
  };
  // A Script node is named "system / Script / <URL>", or "system / Script" (with or without the " / ") when it has none.
  const noUrl = (sfi: number) => {
    const script = target(sfi, "script");
    if (script < 0) return false;
    const s = name(script);
    return (
      s === SCRIPT_PREFIX.trimEnd() || (s.startsWith(SCRIPT_PREFIX) && s.slice(SCRIPT_PREFIX.length).trim() === "")
    );
  };
  // Code object → whether its function comes from a script without a URL.
  const owner = new Map<number, boolean>();
  for (let n = 0; n < count; n++) {
    const t = type(n);
    if (t === "closure") {
      const code = target(n, "code");
      const sfi = target(n, "shared");
      if (code >= 0 && sfi >= 0 && !owner.has(code)) owner.set(code, noUrl(sfi));
    } else if (t === "code" && name(n).startsWith("system / SharedFunctionInfo")) {
      const code = target(n, "trusted_function_data");
      if (code >= 0 && name(code) === "system / Code") owner.set(code, noUrl(n));
    }
  }
  const out: MachineCode = { optimizedMiB: 0, baselineMiB: 0, noUrlMiB: 0 };
  for (let n = 0; n < count; n++) {
    if (type(n) !== "code" || name(n) !== "system / Code") continue;
    let bytes = s.nodes[n * width + iSize] as number;
    let tier: "optimizedMiB" | "baselineMiB" | null = null;
    for (const [k, to] of edges(n)) {
      if (k === "deoptimization_data") tier = "optimizedMiB";
      else if (k === "interpreter_data") tier ??= "baselineMiB";
      if (CODE_PARTS.has(k)) bytes += s.nodes[to * width + iSize] as number;
    }
    if (tier === null) continue;
    out[tier] += bytes / MIB;
    if (owner.get(n)) out.noUrlMiB += bytes / MIB;
  }
  return out;
}

/** The groups that grew most in bytes from `a` to `b`. */
export function heapGrowth(a: HeapAggregate, b: HeapAggregate, top = 10): HeapGrowth[] {
  const out: HeapGrowth[] = [];
  for (const [what, y] of b.groups) {
    const x = a.groups.get(what) ?? { count: 0, bytes: 0 };
    if (y.bytes > x.bytes) out.push({ what, count: y.count - x.count, kib: (y.bytes - x.bytes) / 1024 });
  }
  return out.sort((p, q) => q.kib - p.kib).slice(0, top);
}
