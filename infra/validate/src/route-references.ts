/** Cross-references of the routing objects: Ingress and Gateway backends, listeners, the route table. */
import type { K8sObject } from './kustomize';
import { find } from './workloads';

type ParentRef = { name: string; sectionName?: string };
type HttpRouteSpec = {
  parentRefs?: ParentRef[];
  rules?: {
    matches?: { path?: { type?: string; value?: string } }[];
    backendRefs?: { name: string; port?: number }[];
  }[];
};
export type GatewaySpec = {
  gatewayClassName: string;
  listeners: { name: string; tls?: { certificateRefs?: { name: string }[] } }[];
};

/** Every Ingress backend names an existing Service and one of its ports. */
export function ingressProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const ingress of objects.filter((o) => o.kind === 'Ingress')) {
    type Backend = { service: { name: string; port: { number?: number; name?: string } } };
    const rules = (ingress.spec as { rules: { http: { paths: { path: string; backend: Backend }[] } }[] })
      .rules;
    for (const { path, backend } of rules.flatMap((r) => r.http.paths)) {
      const service = find(objects, 'Service', backend.service.name);
      const ports = (service?.spec as { ports: { port: number; name?: string }[] } | undefined)?.ports ?? [];
      if (!service)
        problems.push(`Ingress/${ingress.metadata.name} ${path}: no Service ${backend.service.name}`);
      else if (
        !ports.some(
          (p) => p.port === backend.service.port.number || (p.name && p.name === backend.service.port.name),
        )
      ) {
        problems.push(
          `Ingress/${ingress.metadata.name} ${path}: Service ${backend.service.name} has no port ${JSON.stringify(backend.service.port)}`,
        );
      }
    }
  }
  return problems;
}

/** Gateways name an existing class; HTTPRoutes attach to an existing listener and send to existing Service ports. */
export function gatewayProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const gateway of objects.filter((o) => o.kind === 'Gateway')) {
    const spec = gateway.spec as GatewaySpec;
    if (!find(objects, 'GatewayClass', spec.gatewayClassName))
      problems.push(`Gateway/${gateway.metadata.name}: no GatewayClass ${spec.gatewayClassName}`);
  }
  for (const route of objects.filter((o) => o.kind === 'HTTPRoute')) {
    const spec = route.spec as HttpRouteSpec;
    const at = `HTTPRoute/${route.metadata.name}`;
    for (const parent of spec.parentRefs ?? []) {
      const gateway = find(objects, 'Gateway', parent.name);
      if (!gateway) problems.push(`${at}: no Gateway ${parent.name}`);
      else if (
        parent.sectionName &&
        !(gateway.spec as GatewaySpec).listeners.some((l) => l.name === parent.sectionName)
      )
        problems.push(`${at}: Gateway ${parent.name} has no listener ${parent.sectionName}`);
    }
    for (const backend of (spec.rules ?? []).flatMap((r) => r.backendRefs ?? [])) {
      const service = find(objects, 'Service', backend.name);
      const ports = (service?.spec as { ports: { port: number }[] } | undefined)?.ports ?? [];
      if (!service) problems.push(`${at}: no Service ${backend.name}`);
      else if (!ports.some((p) => p.port === backend.port))
        problems.push(`${at}: Service ${backend.name} has no port ${backend.port}`);
    }
  }
  return problems;
}

/** [prefix, service, port] of the HTTPRoute or Ingress of that name: the route table either way. */
export function routeTable(objects: K8sObject[], kind: 'HTTPRoute' | 'Ingress', name: string) {
  const object = find(objects, kind, name);
  if (!object) return undefined;
  if (kind === 'HTTPRoute') {
    return ((object.spec as HttpRouteSpec).rules ?? []).flatMap((rule) =>
      (rule.matches ?? []).map((m) => [
        m.path?.value,
        rule.backendRefs?.[0]?.name,
        rule.backendRefs?.[0]?.port,
      ]),
    );
  }
  type Path = { path: string; backend: { service: { name: string; port: { number?: number } } } };
  return (object.spec as { rules: { http: { paths: Path[] } }[] }).rules
    .flatMap((r) => r.http.paths)
    .map((p) => [p.path, p.backend.service.name, p.backend.service.port.number]);
}
