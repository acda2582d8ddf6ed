import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Native addons (hnswlib-node, onnxruntime-node) are safest in child processes rather than worker threads.
    pool: 'forks',
    // Two files at a time: vitest's default on a 2-core machine is one (cores - 1), which leaves a core idle while a
    // file waits on a child process (server, Chromium, CLI). Timeouts below are generous for a loaded machine.
    maxWorkers: 2,
    // The files a fork runs share its module cache: importing the pipeline (langchain, transformers, compromise…)
    // once per fork, not once per file, saves several seconds per file under load. Test files keep their state in
    // their own variables (no vi.mock, no writes to process.env or globals); one that cannot must say so here.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
