import type { Convention } from "@/lib/config/schema";
import { byLabels, escapeLabelValue, labelName } from "./escape";

/** The labels every per-service result carries, whatever the convention called them. */
export const SERVICE = "service";
export const NAMESPACE = "namespace";
export const CONVENTION = "convention";

/** The convention's own labels that identify a service: service, then namespace where it has one. */
export function serviceKeyLabels(c: Convention): string[] {
  return c.namespaceLabel ? [c.serviceLabel, c.namespaceLabel] : [c.serviceLabel];
}

/** `by (<service label>[, <namespace label>][, extra…])` for a convention. */
export function byService(c: Convention, extra: readonly string[] = []): string {
  return byLabels([...serviceKeyLabels(c), ...extra]);
}

/** `label_replace(expr, dst, "$1", src, "(.*)")`: copies one label into another name. */
export function copyLabel(expr: string, dst: string, src: string): string {
  return `label_replace(${expr}, "${labelName(dst)}", "$1", "${labelName(src)}", "(.*)")`;
}

/** `label_replace(expr, dst, value, "", "")`: sets a constant label on every series. */
export function setLabel(expr: string, dst: string, value: string): string {
  return `label_replace(${expr}, "${labelName(dst)}", "${escapeLabelValue(value)}", "", "")`;
}

/** Copies a convention's service (and namespace) label to `service` (and `namespace`) where it has another name. */
export function withIdentityLabels(expr: string, c: Convention): string {
  const out = c.serviceLabel === SERVICE ? expr : copyLabel(expr, SERVICE, c.serviceLabel);
  return c.namespaceLabel && c.namespaceLabel !== NAMESPACE ? copyLabel(out, NAMESPACE, c.namespaceLabel) : out;
}

/**
 * Renames a convention's service (and namespace) label to `service` (and `namespace`) and tags each
 * series with the convention, so results of several conventions can be joined with `or`.
 */
export function normalizeServiceLabels(expr: string, c: Convention): string {
  return setLabel(withIdentityLabels(expr, c), CONVENTION, c.name);
}

/** Joins per-convention expressions into one query, so a signal costs one upstream query. */
export function anyOf(exprs: readonly string[]): string {
  if (exprs.length === 0) return "vector(0) == 1";
  return exprs.length === 1 ? (exprs[0] as string) : exprs.map((e) => `(${e})`).join(" or ");
}
