'use strict';
// Exits 0 when the NATS server at NATS_URL answers with JetStream enabled, 1 otherwise.
// A plain TCP check is not enough: the services need streams, and only the JetStream API
// tells whether the server was started with -js.
const url = process.env.NATS_URL || 'nats://127.0.0.1:4222';

function load() {
  try {
    return {
      ...require('@nats-io/transport-node'),
      ...require('@nats-io/jetstream'),
    };
  } catch {
    console.error('nats-check: @nats-io/transport-node is not installed; run `npm ci` first');
    process.exit(1);
  }
}

async function main() {
  const { connect, jetstreamManager } = load();
  let nc;
  try {
    nc = await connect({ servers: url, timeout: 2000, reconnect: false });
  } catch (err) {
    console.error(`nats-check: cannot connect to ${url}: ${err.message}`);
    return 1;
  }
  try {
    const jsm = await jetstreamManager(nc, { timeout: 2000 });
    const info = await jsm.getAccountInfo();
    process.stdout.write(`nats-check: JetStream enabled at ${url} (${info.streams} streams)\n`);
    return 0;
  } catch (err) {
    console.error(`nats-check: NATS at ${url} has no usable JetStream (${err.message}); start it with -js`);
    return 1;
  } finally {
    await nc.close();
  }
}

main().then((code) => process.exit(code));
