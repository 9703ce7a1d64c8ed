/** Runs once when the server starts: refuse to start on a bad config, and bound shutdown time. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server/startup");
  startServer();
}
