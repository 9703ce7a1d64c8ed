/** Runs once when the server starts: refuse to start on a bad config, bound shutdown time, log unhandled rejections. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server/startup");
  startServer();
}
