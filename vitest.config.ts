import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Generous for a loaded 2-core CI machine (the slowest single test takes ~7 s on two busy cores); no test asserts on time.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker per core minus one: a single worker on a 2-core CI machine. Most test time is
    // waiting (fsync, Chromium, child processes), so two workers use both cores.
    maxWorkers: 2,
    // One throwaway PostgreSQL cluster per run: the contract suite runs every repository on both backends, and
    // KREISFORM_TEST_BACKEND=postgres runs every server of the suite on it.
    globalSetup: ['tests/helpers/postgresGlobalSetup.ts'],
  },
});
