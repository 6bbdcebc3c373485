// Shared Jest settings for every workspace: TypeScript through SWC (type-checking is `tsc -b`),
// @ticketing/common resolved to its sources so tests never need a prior build.
const path = require('node:path');

const common = path.join(__dirname, 'common', 'src');

module.exports = (rootDir, displayName, overrides = {}) => ({
  displayName,
  rootDir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    '^@ticketing/common$': path.join(common, 'index.ts'),
    '^@ticketing/common/testing$': path.join(common, 'testing', 'index.ts'),
    '^@ticketing/common/backoff$': path.join(common, 'retry', 'backoff.ts'),
    '^@ticketing/common/password$': path.join(common, 'password', 'estimator.ts'),
    '^@ticketing/stripe-emulator$': path.join(__dirname, 'stripe-emulator', 'src', 'index.ts'),
  },
  testTimeout: 30_000,
  ...overrides,
});
