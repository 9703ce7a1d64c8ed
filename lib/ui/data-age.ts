// The one rule for how old the data of an API answer is. A stale answer is the server's last good
// copy: its data dates from when Prometheus last answered, `ageSeconds` before the copy was sent.

/** What an API answer says of its own freshness. */
export interface AnswerFreshness {
  stale: boolean;
  /** Age of the copy when it was sent, seconds; present when stale. */
  ageSeconds?: number;
}

/** When Prometheus answered for the data of an answer received at `receivedAtMs`, in ms since the epoch. */
export function answeredAt(receivedAtMs: number, answer: AnswerFreshness): number {
  return receivedAtMs - (answer.stale ? (answer.ageSeconds ?? 0) * 1000 : 0);
}
