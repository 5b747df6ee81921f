// Runs once when the server starts: a bad or missing setting stops the reader app here, with a
// message naming the variable, instead of every request answering 500 later; then the page
// data cache starts listening for changes.
export async function register() {
  // Next's own build-time values: the Node server (not the edge runtime), and not `next build`.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { validateReaderEnv } = await import("./env");
    validateReaderEnv();
    // Listen for the database's change notifications now, so the first pages are cached.
    const { startPageDataCache } = await import("./server/page-data-cache");
    startPageDataCache();
  }
}
