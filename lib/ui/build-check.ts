// A wall screen runs for weeks: when a new version is deployed it should move onto it by itself.

/**
 * A page that has been up this long before it reloads for a new build. During a rolling deployment
 * old and new servers answer side by side; without this a fresh page could reload on every answer.
 */
export const MIN_PAGE_AGE_BEFORE_RELOAD_MS = 60_000;

/** True when the server runs another build than the one this page was loaded from, and the page is old enough to reload. */
export function shouldReload(
  serverBuild: string | undefined,
  bundleBuild: string | undefined,
  pageAgeMs: number,
): boolean {
  if (!serverBuild || !bundleBuild) return false;
  return serverBuild !== bundleBuild && pageAgeMs >= MIN_PAGE_AGE_BEFORE_RELOAD_MS;
}
