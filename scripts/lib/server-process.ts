// How `npm start` runs the server process, and `npm run bench` its benchmarks (they measure what a
// user runs). Each setting trades a little CPU for memory a teacher's small VM or a laptop keeps
// free; bench/chat-memory.ts --bare measures the server without them.

export const serverNodeArgs = [
  // The main thread's young generation: semi-spaces of 4 MB instead of V8's 16. V8 grows them
  // during start-up and keeps all 32 MB committed while the server idles.
  '--max-semi-space-size=4',
  // The old generation may grow to 1.5 times what the last full collection kept, not up to 4
  // times: under 200 streamed answers the heap reached 180 MB for 100 MB live.
  '--heap-growing-percent=50',
];

/**
 * glibc's malloc with fixed thresholds: blocks of 128 kB and more are mapped and unmapped on their
 * own, and a thread's heap gives back a free top above 128 kB. By default glibc raises both
 * thresholds (up to 32 and 64 MB) after the first large free, so password hashing (19 MB blocks on
 * the thread pool) and WebAssembly compilation left tens of MB free but resident in thread heaps.
 */
export const serverMallocEnv = {
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
};
