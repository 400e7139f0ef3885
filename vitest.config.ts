import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // beforeAll hooks build demo sessions and libraries: seconds on an idle machine, more under CI load.
    hookTimeout: 120_000,
    pool: 'forks',
    // Each test file's temporary folders live under one folder removed after it (src/testing/testTempDir.ts).
    setupFiles: ['src/testing/testTempDir.ts'],
  },
});
