// End-to-end journeys through the gateway of a real platform (platform/, `npm run dev`): see README.md.
module.exports = require('../jest.preset')(__dirname, 'e2e', {
  globalSetup: '<rootDir>/support/global-setup.ts',
  testTimeout: 90_000,
});
