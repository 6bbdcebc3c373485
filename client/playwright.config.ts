import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against the real platform (services, PostgreSQL, NATS, Redis, the Stripe emulator,
 * the gateway and this client), started by tests/global-setup.ts on spare ports and stopped afterwards.
 * Debian's Chromium: `playwright install` is never needed.
 */
const results = path.join(__dirname, 'test-results');
// `--reporter=list,json` on the command line replaces the reporters below: the JSON still goes to a file.
process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ??= path.join(results, 'results.json');

export default defineConfig({
  testDir: './tests',
  outputDir: path.join(results, 'artifacts'),
  globalSetup: './tests/global-setup.ts',
  globalTeardown: './tests/global-teardown.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 3,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: path.join(results, 'results.json') }]],
  use: {
    browserName: 'chromium',
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 800 },
    // A trace records every step of every test: about a tenth of the suite's time on two cores. CI reads
    // a failure from the error context and screenshots; locally a failed test keeps its trace.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
