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

export interface HeapBreakdown {
  totalMiB: number;
  nodes: number;
  kinds: HeapKinds;
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
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

const MIB = 1024 * 1024;
const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);
const JS_TYPES = new Set(['object', 'closure', 'array', 'regexp', 'number', 'bigint', 'symbol']);

function kindOf(type: string, name: string): keyof HeapKinds | null {
  if (type === 'code') return 'code';
  if (STRING_TYPES.has(type)) return 'strings';
  if (type === 'synthetic') return null;
  if (type === 'hidden' || type === 'object shape' || name.startsWith('system / ')) return 'system';
  if (type === 'native') return 'native';
  if (JS_TYPES.has(type)) return 'jsObjects';
  return 'system';
}

/** The group a node is counted in: strings and numbers together, everything else by type and name. */
function groupOf(type: string, name: string): string {
  if (STRING_TYPES.has(type)) return 'string';
  if (type === 'number') return 'number';
  return `${type}:${name.slice(0, 60)}`;
}

/** Aggregates a heap snapshot's JSON text. */
export function aggregateHeapSnapshot(json: string): HeapAggregate {
  const s = JSON.parse(json) as RawSnapshot;
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const width = fields.length;
  const iType = fields.indexOf('type');
  const iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  const kinds: HeapKinds = { code: 0, strings: 0, jsObjects: 0, system: 0, native: 0 };
  const groups = new Map<string, { count: number; bytes: number }>();
  let total = 0;
  let nodes = 0;
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + iType] as number] ?? 'unknown';
    const name = s.strings[s.nodes[i + iName] as number] ?? '';
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
  return { breakdown: { totalMiB: total / MIB, nodes, kinds }, groups };
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
