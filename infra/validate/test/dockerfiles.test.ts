import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  finalStageProblems,
  instructionsOf,
  lintProblems,
  pid1Problems,
  serviceArgProblems,
  stageNames,
} from '../src/dockerfiles';
import { REPO, SERVICES, SHARED_DOCKERFILE, read } from './helpers';

const shared = read(SHARED_DOCKERFILE);

describe.each([SHARED_DOCKERFILE, 'client/Dockerfile'])('%s', (file) => {
  const dockerfile = read(file);

  it('when linted, then dockerfile-utils reports no error', () => {
    expect(lintProblems(dockerfile)).toEqual([]);
  });

  it('when built, then the final stage runs as a non-root user with NODE_ENV=production', () => {
    expect(finalStageProblems(dockerfile)).toEqual([]);
    expect(stageNames(dockerfile).at(-1)).toBe('runtime');
    expect(dockerfile).toMatch(/^FROM node:24-bookworm-slim@sha256:[0-9a-f]{64} AS base$/m);
  });

  it('when a container stops, then SIGTERM reaches node, which runs as PID 1 with no shell in between', () => {
    expect(pid1Problems(dockerfile)).toEqual([]);
  });
});

describe(SHARED_DOCKERFILE, () => {
  it('when SERVICE is missing or empty, then the first stage fails the build before any COPY', () => {
    expect(serviceArgProblems(shared)).toEqual([]);
  });

  it('when built, then it names no service itself: every service-specific path comes from SERVICE', () => {
    const instructions = instructionsOf(shared).join('\n');
    for (const service of SERVICES) expect(instructions).not.toMatch(new RegExp(`\\b${service}\\b`));
    expect(instructions).toContain('COPY ${SERVICE}/package.json ${SERVICE}/');
  });

  it('when built, then dev runs tsx watch and runtime runs node on the service, with both migrations folders', () => {
    expect(shared).toContain('CMD ["tsx", "watch", "service/src/main.ts"]');
    expect(shared).toContain('CMD ["node", "service/dist/main.js"]');
    // The link is made in the source stage (for dev) and again in runtime, which starts from base.
    expect(shared.match(/ln -s "\$\{SERVICE\}" service$/gm)).toHaveLength(2);
    expect(shared).toContain('COPY --from=build /app/common/migrations common/migrations');
    expect(shared).toContain('COPY --from=build /app/${SERVICE}/migrations ${SERVICE}/migrations');
  });
});

describe.each(SERVICES)('%s, built by the shared Dockerfile', (service) => {
  it('when SERVICE names it, then its folder has what the Dockerfile copies and runs', () => {
    for (const file of ['package.json', 'tsconfig.json', 'src/main.ts'])
      expect(fs.existsSync(path.join(REPO, service, file))).toBe(true);
  });

  it('when it boots from /app/service, then it finds its migrations next to its real dist folder', () => {
    expect(read(`${service}/src/app.ts`)).toMatch(
      /migrationsDir: (path\.resolve\(__dirname, '\.\.\/migrations'\)|null),/,
    );
  });
});

describe('node started through the /app/service link', () => {
  it('when the service resolves ../migrations from __dirname, then it gets its real folder, as migrate.ts expects', () => {
    expect(read('common/src/db/migrate.ts')).toContain("path.resolve(__dirname, '../../migrations')");
    const app = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'service-link-')));
    try {
      fs.mkdirSync(path.join(app, 'auth', 'dist'), { recursive: true });
      fs.writeFileSync(
        path.join(app, 'auth', 'dist', 'main.js'),
        "process.stdout.write(require('node:path').resolve(__dirname, '../migrations'));",
      );
      fs.symlinkSync('auth', path.join(app, 'service'));
      const run = spawnSync(process.execPath, ['service/dist/main.js'], { cwd: app, encoding: 'utf8' });
      expect(run.stdout).toBe(path.join(app, 'auth', 'migrations'));
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
    }
  });
});

describe('the Dockerfile checks catch broken copies', () => {
  it('when the final stage has no USER, then it is reported', () => {
    expect(
      finalStageProblems(
        shared.replace(/^USER node\nEXPOSE 3000\nCMD \["node"/m, 'EXPOSE 3000\nCMD ["node"'),
      ),
    ).toEqual(['final stage sets no USER']);
  });

  it('when the final stage runs as root or leaves NODE_ENV unset, then both are reported', () => {
    const broken = shared.replace(
      /USER node\nEXPOSE 3000\nCMD \["node"/,
      'USER root\nEXPOSE 3000\nCMD ["node"',
    );
    expect(finalStageProblems(broken.replace('ENV NODE_ENV=production\n', ''))).toEqual([
      'final stage runs as root',
      'final stage does not set NODE_ENV=production',
    ]);
  });

  it('when an instruction is malformed, then the linter reports an error', () => {
    expect(lintProblems(`${shared}\nEXPOSE http\nCOPY onlyone\n`).length).toBeGreaterThanOrEqual(2);
  });

  it('when the empty-SERVICE check is removed or SERVICE gets a default, then it is reported', () => {
    const unchecked = shared.replace(/^RUN if \[ -z [^]*?esac\n/m, '');
    expect(unchecked).not.toBe(shared);
    expect(serviceArgProblems(unchecked)).toEqual([
      'no RUN of the first stage fails the build when SERVICE is empty, before any COPY',
    ]);
    expect(serviceArgProblems(shared.replace(/^ARG SERVICE$/m, 'ARG SERVICE=auth'))).toEqual([
      'ARG SERVICE has a default',
    ]);
  });

  it('when SERVICE stays an ARG of the first stage only, then the stages that lose it are reported', () => {
    expect(serviceArgProblems(shared.replace(/^ENV SERVICE=.*\n/m, ''))).toEqual([
      'the first stage does not pass SERVICE on as ENV SERVICE',
    ]);
    expect(
      serviceArgProblems(
        shared.replace(/^FROM base AS prod-deps$/m, 'FROM node:24-bookworm-slim AS prod-deps'),
      ),
    ).toEqual(['stage prod-deps starts from node:24-bookworm-slim, without SERVICE']);
  });

  it('when a CMD goes through a shell or npx, then it is reported', () => {
    const shell = shared.replace('CMD ["node", "service/dist/main.js"]', 'CMD node "$SERVICE/dist/main.js"');
    const npx = shared.replace('CMD ["tsx", "watch"', 'CMD ["npx", "tsx", "watch"');
    expect(pid1Problems(shell)).toEqual([expect.stringMatching(/CMD in shell form runs under \/bin\/sh$/)]);
    expect(pid1Problems(npx)).toEqual([expect.stringMatching(/CMD runs npx as PID 1, not node or tsx$/)]);
  });
});
