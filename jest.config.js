// One Jest run over every workspace; each project keeps its own jest.config.js.
module.exports = {
  testTimeout: 30_000,
  projects: ['common', 'auth', 'tickets', 'orders', 'payments', 'expiration', 'stripe-emulator'].map(
    (dir) => `<rootDir>/${dir}`,
  ),
};
