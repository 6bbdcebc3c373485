import fs from 'node:fs';
import path from 'node:path';
import { requiredVariables } from '@ticketing/common';
import type { z } from 'zod';
import { type K8sObject } from '../src/kustomize';
import { missingVariables, probeProblems, selectorProblems } from '../src/references';
import { gatewayProblems, ingressProblems, routeTable } from '../src/route-references';
import { externalSecretProblems } from '../src/secret-references';
import { OVERLAYS, REPO, SERVICES, findObject, firstContainer, renderOverlay } from './helpers';

const rendered = Object.fromEntries(OVERLAYS.map((o) => [o, renderOverlay(o)])) as Record<
  string,
  K8sObject[]
>;

/** A service's required variables, or null while its src/config.ts has not been written. */
function requiredOf(service: string): string[] | null {
  const file = path.join(REPO, service, 'src', 'config.ts');
  if (!fs.existsSync(file)) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configSchema } = require(file) as { configSchema: z.ZodObject };
  return requiredVariables(configSchema);
}

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  const objects = rendered[overlay]!;

  it('when rendered, then every selector selects pods and every Service targets a port they expose', () => {
    expect(selectorProblems(objects)).toEqual([]);
  });

  it('when rendered, then every Ingress backend is an existing Service port', () => {
    expect(ingressProblems(objects)).toEqual([]);
  });

  it('when rendered, then every Gateway has its class and every HTTPRoute its listener and Service ports', () => {
    expect(gatewayProblems(objects)).toEqual([]);
  });

  it('when rendered, then every probe targets a declared container port', () => {
    expect(probeProblems(objects)).toEqual([]);
  });

  it.each(SERVICES)(
    'when %s boots from these manifests, then every variable its config requires is set',
    (service) => {
      const required = requiredOf(service);
      if (required === null)
        throw new Error(`${service}/src/config.ts does not exist yet: cannot check its variables`);
      expect(required.length).toBeGreaterThan(0);
      expect(missingVariables(objects, service, required)).toEqual([]);
    },
  );
});

const ROUTES = [
  ['/api/users', 'auth', 3000],
  ['/api/tickets', 'tickets', 3000],
  ['/api/events', 'tickets', 3000],
  ['/api/orders', 'orders', 3000],
  ['/api/payments', 'payments', 3000],
  ['/api/docs', 'client', 3000],
  ['/', 'client', 3000],
];

describe('one route table', () => {
  it('when the base HTTPRoute (which the local gateway reads) is rendered, then it routes the API prefixes, the API reference and the rest', () => {
    expect(routeTable(rendered.dev!, 'HTTPRoute', 'ticketing')).toEqual(ROUTES);
  });

  it('when the ingress-nginx overlay is rendered, then its Ingress routes exactly as the HTTPRoute and no Gateway is left', () => {
    const objects = rendered['ingress-nginx']!;
    expect(routeTable(objects, 'Ingress', 'ticketing')).toEqual(
      routeTable(rendered.prod!, 'HTTPRoute', 'ticketing'),
    );
    expect(objects.filter((o) => o.apiVersion.startsWith('gateway.networking.k8s.io/'))).toEqual([]);
  });
});

describe.each(['prod', 'ingress-nginx'])('secrets of overlay %s', (overlay) => {
  it('when rendered, then every Secret key in use is made by an ExternalSecret', () => {
    expect(externalSecretProblems(rendered[overlay]!)).toEqual([]);
  });
});

describe('the reference checks catch broken copies', () => {
  const broken = () => structuredClone(rendered.prod!);

  it('when a Service selector is changed, then it is reported as selecting nothing', () => {
    const objects = broken();
    (findObject(objects, 'Service', 'orders').spec as { selector: Record<string, string> }).selector = {
      'app.kubernetes.io/name': 'order',
    };
    expect(selectorProblems(objects)).toEqual([expect.stringContaining('Service/orders: selector')]);
  });

  it('when a Service targets a port name the pods lack, then it is reported', () => {
    const objects = broken();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (findObject(objects, 'Service', 'redis').spec as any).ports[0].targetPort = 'resp';
    expect(selectorProblems(objects)).toEqual([expect.stringContaining('Service/redis: targetPort resp')]);
  });

  it('when an autoscaler names a missing Deployment, then it is reported', () => {
    const objects = broken();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (findObject(objects, 'HorizontalPodAutoscaler', 'auth').spec as any).scaleTargetRef.name = 'authn';
    expect(selectorProblems(objects)).toEqual([expect.stringContaining('no Deployment/authn')]);
  });

  it('when an Ingress backend names a wrong Service or port, then both are reported', () => {
    const objects = structuredClone(rendered['ingress-nginx']!);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const paths = (findObject(objects, 'Ingress', 'ticketing').spec as any).rules[0].http.paths;
    paths[0].backend.service.name = 'users';
    paths[1].backend.service.port.number = 80;
    expect(ingressProblems(objects)).toEqual([
      expect.stringContaining('/api/users: no Service users'),
      expect.stringContaining('/api/tickets: Service tickets has no port'),
    ]);
  });

  it('when an HTTPRoute names a wrong listener, Service or port, then each is reported', () => {
    const objects = broken();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const spec = findObject(objects, 'HTTPRoute', 'ticketing').spec as any;
    spec.parentRefs[0].sectionName = 'tls';
    spec.rules[0].backendRefs[0].name = 'users';
    spec.rules[1].backendRefs[0].port = 80;
    expect(gatewayProblems(objects)).toEqual([
      'HTTPRoute/ticketing: Gateway ticketing has no listener tls',
      'HTTPRoute/ticketing: no Service users',
      'HTTPRoute/ticketing: Service tickets has no port 80',
    ]);
  });

  it('when a Secret or one of its keys has no ExternalSecret, then it is reported', () => {
    const objects = broken().filter((o) => !(o.kind === 'ExternalSecret' && o.metadata.name === 'stripe'));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (findObject(objects, 'ExternalSecret', 'redis-auth').spec as any).data.pop();
    const problems = externalSecretProblems(objects);
    expect(problems).toContain('Deployment/payments: Secret stripe is made by no ExternalSecret');
    expect(problems).toContain('Deployment/auth: ExternalSecret redis-auth has no key url');
  });

  it('when a probe targets a wrong port, then it is reported', () => {
    const objects = broken();
    firstContainer(findObject(objects, 'Deployment', 'payments')).livenessProbe.httpGet.port = 8080;
    expect(probeProblems(objects)).toEqual([expect.stringContaining('livenessProbe targets port 8080')]);
  });

  it('when a required variable is removed, then it is reported as not set', () => {
    const objects = broken();
    const container = firstContainer(findObject(objects, 'Deployment', 'payments'));
    container.env = container.env.filter((e: { name: string }) => e.name !== 'STRIPE_WEBHOOK_SECRET');
    expect(missingVariables(objects, 'payments', ['DATABASE_URL', 'STRIPE_WEBHOOK_SECRET'])).toEqual([
      'payments: STRIPE_WEBHOOK_SECRET is not set',
    ]);
  });

  it('when a variable comes from a ConfigMap that lacks the key, then it is reported', () => {
    const objects = broken();
    delete (findObject(objects, 'ConfigMap', 'orders-config').data as Record<string, string>)
      .ORDER_TTL_SECONDS;
    expect(missingVariables(objects, 'orders', ['ORDER_TTL_SECONDS'])).toEqual([
      'orders: ORDER_TTL_SECONDS is not set',
    ]);
  });
});
