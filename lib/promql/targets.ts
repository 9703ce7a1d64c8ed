import { setLabel } from "./labels";

/** Scrape targets up and in total by job, told apart by a `state` label ("up" / "total"): one query. */
export function targetsUpByJob(): string {
  return `${setLabel("sum by (job) (up)", "state", "up")} or ${setLabel("count by (job) (up)", "state", "total")}`;
}
