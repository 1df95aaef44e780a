/**
 * Runs once when a panel server starts: the environment is checked and the database migrated
 * before the first request, so a bad configuration stops the start with a clear message.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/startup");
  await startServer();
  if (process.env.NODE_ENV === "production") (await import("./lib/logger")).routeConsoleToLogger();
}
