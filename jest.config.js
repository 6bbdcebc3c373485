// One Jest run over every workspace that has tests; each project keeps its own jest.config.js.
const fs = require('node:fs');
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
  projects: candidates
    .filter((dir) => fs.existsSync(path.join(__dirname, dir, 'jest.config.js')))
    .map((dir) => `<rootDir>/${dir}`),
};
