// One Jest run over every workspace that has tests; each project keeps its own jest.config.js.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const candidates = [
  'common',
  'auth',
  'tickets',
  'orders',
  'payments',
  'expiration',
  'notifications',
  'stripe-emulator',
  'platform',
  'client',
  'infra/validate',
  'e2e',
];

module.exports = {
  testTimeout: 30_000,
  // Jest's default leaves one core free: one file at a time on two cores. The files mostly wait (on real
  // servers, on outages held for a minute or more), so at least two run at once: 560 s → 320 s on two cores.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  projects: candidates
    .filter((dir) => fs.existsSync(path.join(__dirname, dir, 'jest.config.js')))
    .map((dir) => `<rootDir>/${dir}`),
};
