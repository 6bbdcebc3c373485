const path = require('node:path');

// Pure helpers of the web client (the pages themselves are covered by the Playwright journeys in tests/).
module.exports = require('../jest.preset')(__dirname, 'client', {
  moduleNameMapper: { '^@/(.*)$': path.join(__dirname, 'src', '$1') },
});
