// Status codes and classes are coloured by what they mean, never by their order in a list: a 503
// is drawn in the same red-orange on every chart, whichever codes happen to be beside it.

/** What a status says about the request, for its colour. */
export type StatusMeaning = "success" | "neutral" | "client-error" | "server-error" | "unknown";

/**
 * The meaning of an HTTP status code ("503") or class ("5xx"), or of Linkerd's classification
 * ("success", "failure"). Anything else (a missing code, "0" for no answer, "others") is "unknown".
 */
export function statusMeaning(status: string): StatusMeaning {
  const s = status.trim().toLowerCase();
  if (s === "success") return "success";
  if (s === "failure") return "server-error";
  const m = /^([1-5])(?:\d\d|xx)$/.exec(s);
  switch (m?.[1]) {
    case "2":
      return "success";
    case "1":
    case "3":
      return "neutral";
    case "4":
      return "client-error";
    case "5":
      return "server-error";
    default:
      return "unknown";
  }
}

/**
 * How to draw each of a list of statuses: its meaning, and dashed when an earlier status of the list
 * has the same meaning (200 and 201 share a colour; the second is told apart by its dashes).
 */
export function statusLines(statuses: readonly string[]): { meaning: StatusMeaning; dashed: boolean }[] {
  const seen = new Set<StatusMeaning>();
  return statuses.map((status) => {
    const meaning = statusMeaning(status);
    const dashed = seen.has(meaning);
    seen.add(meaning);
    return { meaning, dashed };
  });
}
