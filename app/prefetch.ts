import "server-only";
import { QueryClient, dehydrate, type DehydratedState, type QueryKey } from "@tanstack/react-query";
import { settledWithin } from "@/lib/async/settled-within";
import { getLogger } from "@/lib/server/log";

/**
 * The query cache a server-rendered page starts with: one answer the server asked for while
 * rendering, so the first HTML already shows it. A failure, or no answer within `waitMs`, leaves the
 * cache empty and the browser asks for itself, as it would without this.
 */
export async function prefetchedState(
  key: QueryKey,
  load: () => Promise<unknown>,
  waitMs: number,
): Promise<DehydratedState> {
  const client = new QueryClient();
  const started = performance.now();
  const answer = await settledWithin(
    Promise.resolve()
      .then(load)
      .then(
        (data) => ({ data }),
        (err: unknown) => {
          getLogger().warn({ key, err }, "server render without data: the query failed");
          return null;
        },
      ),
    waitMs,
  );
  if (answer) {
    client.setQueryData(key, answer.data);
    getLogger().info({ key, durationMs: Math.round(performance.now() - started) }, "server render with data");
  } else if (answer === undefined) getLogger().info({ key, waitMs }, "server render without data: no answer in time");
  return dehydrate(client);
}
