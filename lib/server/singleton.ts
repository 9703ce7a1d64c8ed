/**
 * One instance per process. Next bundles each route separately, so a module-level `let` could exist
 * once per route; globalThis is shared by all of them.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`signalboard.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  store[key] ??= create();
  return store[key] as T;
}
