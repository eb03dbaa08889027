/**
 * Loaded with `node --expose-gc --import` by `npm run bench:turns -- --heap`: on SIGUSR2 the process
 * collects garbage and prints its heap and RSS as one JSON line on stderr, so the bench can follow
 * the heap over many turns without touching the bot's code.
 */
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  process.stderr.write(`${JSON.stringify({ heapProbe: { heapUsed, rss } })}\n`);
});
