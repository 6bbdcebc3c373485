import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTypeMap, schemaProblems, unknownFields } from '../src/k8s-schema';
import { type K8sObject, render } from '../src/kustomize';
import { podContainers } from '../src/workloads';
import { IMAGES, K8S, OVERLAYS, SERVICES, findObject, firstContainer, renderOverlay } from './helpers';

const rendered = Object.fromEntries(OVERLAYS.map((o) => [o, renderOverlay(o)])) as Record<
  string,
  K8sObject[]
>;
const types = loadTypeMap(Object.values(rendered).flat());

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  const objects = rendered[overlay]!;

  it('when rendered, then every object is valid against the Kubernetes schemas', () => {
    expect(objects.flatMap(schemaProblems)).toEqual([]);
  });

  it('when rendered, then no object has a field the Kubernetes API does not know', () => {
    expect(objects.flatMap((o) => unknownFields(o, types))).toEqual([]);
  });

  it('when rendered, then every namespaced object is in the ticketing namespace', () => {
    const clusterScoped = ['Namespace', 'GatewayClass'];
    const stray = objects.filter(
      (o) => !clusterScoped.includes(o.kind) && o.metadata.namespace !== 'ticketing',
    );
    expect(stray.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
  });

  it('when rendered, then every service container is non-root, read-only, capability-free and bounded', () => {
    for (const name of IMAGES) {
      const deployment = findObject(objects, 'Deployment', name);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const pod = (deployment.spec as any).template.spec;
      const container = firstContainer(deployment);
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.resources.requests).toBeDefined();
      expect(container.resources.limits).toBeDefined();
      const readOnly = overlay !== 'dev' || name === 'client';
      expect(container.securityContext.readOnlyRootFilesystem).toBe(readOnly);
    }
  });

  it('when a service pod starts or stops, then a startup probe guards its start and a preStop delay its end', () => {
    for (const name of IMAGES) {
      const deployment = findObject(objects, 'Deployment', name);
      const container = firstContainer(deployment);
      expect(container.startupProbe.httpGet.port).toBe('http');
      expect(container.lifecycle.preStop.sleep.seconds).toBeGreaterThan(0);
      // The delay and the service's own graceful shutdown both fit in the grace period.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const grace = (deployment.spec as any).template.spec.terminationGracePeriodSeconds;
      expect(container.lifecycle.preStop.sleep.seconds + 15).toBeLessThan(grace);
    }
  });
});

describe('prod overlay', () => {
  const objects = rendered.prod!;

  it('when rendered, then NATS runs three clustered JetStream servers', () => {
    const nats = findObject(objects, 'StatefulSet', 'nats');
    expect((nats.spec as { replicas: number }).replicas).toBe(3);
    const config = (findObject(objects, 'ConfigMap', 'nats-config').data as Record<string, string>)[
      'nats.conf'
    ]!;
    expect(config).toContain('jetstream');
    for (const i of [0, 1, 2]) expect(config).toContain(`nats-${i}.nats-headless:6222`);
  });

  it('when rendered, then each service has an autoscaler and a disruption budget', () => {
    for (const name of IMAGES) {
      expect(findObject(objects, 'HorizontalPodAutoscaler', name)).toBeDefined();
      expect(findObject(objects, 'PodDisruptionBudget', name)).toBeDefined();
    }
  });

  it('when rendered, then ingress is denied by default and each database admits only its service', () => {
    expect(findObject(objects, 'NetworkPolicy', 'default-deny-ingress').spec).toMatchObject({
      podSelector: {},
      policyTypes: ['Ingress'],
    });
    for (const name of SERVICES) {
      const policy = findObject(objects, 'NetworkPolicy', `postgres-${name}`);
      expect(policy.spec).toMatchObject({
        podSelector: { matchLabels: { 'app.kubernetes.io/name': `postgres-${name}` } },
        ingress: [{ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': name } } }] }],
      });
    }
  });

  it('when rendered, then the Gateway serves https with the ticketing-tls certificate and http only redirects', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const listeners = (findObject(objects, 'Gateway', 'ticketing').spec as any).listeners;
    expect(listeners.find((l: { name: string }) => l.name === 'https')).toMatchObject({
      protocol: 'HTTPS',
      port: 443,
      tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'ticketing-tls' }] },
    });
    expect(findObject(objects, 'HTTPRoute', 'ticketing').spec).toMatchObject({
      parentRefs: [{ name: 'ticketing', sectionName: 'https' }],
      hostnames: ['ticketing.example.com'],
    });
    expect(findObject(objects, 'HTTPRoute', 'https-redirect').spec).toMatchObject({
      parentRefs: [{ name: 'ticketing', sectionName: 'http' }],
      rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }] }],
    });
  });

  it('when rendered, then NATS and Redis require credentials and the services receive them from Secrets', () => {
    const nats = (findObject(objects, 'ConfigMap', 'nats-config').data as Record<string, string>)[
      'nats.conf'
    ]!;
    expect(nats).toMatch(/authorization \{\s*user: \$NATS_USER\s*password: \$NATS_PASSWORD\s*\}/);
    const redis = firstContainer(findObject(objects, 'StatefulSet', 'redis'));
    expect(redis.args.slice(-2)).toEqual(['--requirepass', '$(REDIS_PASSWORD)']);
    for (const name of SERVICES) {
      const env = firstContainer(findObject(objects, 'Deployment', name)).env as {
        name: string;
        valueFrom?: { secretKeyRef?: { name: string } };
      }[];
      // Every service publishes or consumes events; notifications alone keeps nothing in Redis.
      expect(env.find((e) => e.name === 'NATS_URL')?.valueFrom?.secretKeyRef?.name).toBe('nats-auth');
      if (name !== 'notifications')
        expect(env.find((e) => e.name === 'REDIS_URL')?.valueFrom?.secretKeyRef?.name).toBe('redis-auth');
    }
  });

  it('when the deploy workflow pins images over prod, then every service container uses the registry tag', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-'));
    const images = IMAGES.map(
      (s) => `  - name: ticketing/${s}\n    newName: registry.example/ticketing/${s}\n    newTag: abc123`,
    );
    const prod = path.relative(dir, path.join(K8S, 'overlays', 'prod'));
    fs.writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      `resources: [${prod}]\nimages:\n${images.join('\n')}\n`,
    );
    const release = render(dir);
    for (const name of IMAGES) {
      expect(firstContainer(findObject(release, 'Deployment', name)).image).toBe(
        `registry.example/ticketing/${name}:abc123`,
      );
    }
  });
});

describe('ingress-nginx overlay', () => {
  it('when rendered, then the Ingress has TLS and per-client rate limits', () => {
    const ingress = findObject(rendered['ingress-nginx']!, 'Ingress', 'ticketing');
    expect((ingress.spec as { tls: unknown[] }).tls).toHaveLength(1);
    expect(ingress.metadata.annotations).toHaveProperty(['nginx.ingress.kubernetes.io/limit-rps']);
  });
});

describe('the schema checks catch broken copies', () => {
  const broken = () => structuredClone(rendered.dev!);

  it('when a container has a misspelled field, then the unknown-field check names it', () => {
    const objects = broken();
    firstContainer(findObject(objects, 'Deployment', 'tickets')).readinesProbe = { httpGet: { port: 3000 } };
    expect(objects.flatMap((o) => unknownFields(o, types))).toEqual([
      expect.stringContaining('containers[0].readinesProbe: unknown field in V1Container'),
    ]);
  });

  it('when a field has the wrong type, then the schema check fails', () => {
    const objects = broken();
    const deployment = findObject(objects, 'Deployment', 'orders');
    (deployment.spec as { replicas: unknown }).replicas = 'two';
    expect(schemaProblems(deployment)).toEqual([expect.stringContaining('Deployment/orders')]);
  });

  it('when a required field is missing, then the schema check fails', () => {
    const objects = broken();
    const container = firstContainer(findObject(objects, 'Deployment', 'auth'));
    delete container.name;
    expect(schemaProblems(findObject(objects, 'Deployment', 'auth'))).not.toEqual([]);
  });

  it('when a Gateway API or ExternalSecret object has an unknown field or a bad value, then its schema check fails', () => {
    const objects = structuredClone(rendered.prod!);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const route = findObject(objects, 'HTTPRoute', 'ticketing').spec as any;
    route.rules[0].matches[0].path.type = 'Prefix'; // the Ingress spelling, not the Gateway API's
    route.rules[1].backendRef = route.rules[1].backendRefs;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (findObject(objects, 'ExternalSecret', 'stripe').spec as any).secretStoreRef.kind = 'Vault';
    expect(schemaProblems(findObject(objects, 'HTTPRoute', 'ticketing'))).toEqual([
      expect.stringContaining(
        '/spec/rules/0/matches/0/path/type: must be equal to one of the allowed values',
      ),
      expect.stringContaining('/spec/rules/1: must NOT have additional properties (backendRef)'),
    ]);
    expect(schemaProblems(findObject(objects, 'ExternalSecret', 'stripe'))).toEqual([
      expect.stringContaining('secretStoreRef/kind'),
    ]);
  });

  it('when a kustomization uses a feature the renderer does not implement, then rendering fails', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kustomize-'));
    fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'namePrefix: x-\nresources: []\n');
    expect(() => render(dir)).toThrow(/unsupported kustomize fields namePrefix/);
  });

  it('when rendered, then every pod container is reachable through podContainers', () => {
    expect(podContainers(rendered.dev!).length).toBeGreaterThanOrEqual(IMAGES.length + SERVICES.length + 2);
  });
});
