/** Cross-references a cluster would only reveal at run time: selectors, ports, backends, variables. */
import { type Container, type K8sObject, podContainers } from './kustomize';

type Labels = Record<string, string>;
type Workload = { object: K8sObject; labels: Labels; containers: Container[] };

const matches = (selector: Labels, labels: Labels) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

function workloads(objects: K8sObject[]): Workload[] {
  return objects
    .filter((o) => ['Deployment', 'StatefulSet'].includes(o.kind))
    .map((object) => {
      const spec = object.spec as { template: { metadata?: { labels?: Labels } } };
      return { object, labels: spec.template.metadata?.labels ?? {}, containers: podContainers([object]) };
    });
}

const find = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);

/** Workload selectors select their own template; each Service selects some pod and targets a port it has. */
export function selectorProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const all = workloads(objects);
  for (const { object, labels } of all) {
    const selector = (object.spec as { selector: { matchLabels?: Labels } }).selector.matchLabels ?? {};
    if (!matches(selector, labels))
      problems.push(`${object.kind}/${object.metadata.name}: selector does not match its pod template`);
  }
  for (const service of objects.filter((o) => o.kind === 'Service')) {
    const spec = service.spec as {
      selector?: Labels;
      ports: { port: number; targetPort?: number | string }[];
    };
    const selected = all.filter((w) => spec.selector && matches(spec.selector, w.labels));
    if (selected.length === 0) {
      problems.push(
        `Service/${service.metadata.name}: selector ${JSON.stringify(spec.selector)} matches no pod template`,
      );
      continue;
    }
    for (const port of spec.ports) {
      const target = port.targetPort ?? port.port;
      if (!selected.some((w) => w.containers.some((c) => exposes(c, target)))) {
        problems.push(
          `Service/${service.metadata.name}: targetPort ${target} is not a port of the selected pods`,
        );
      }
    }
  }
  for (const pdb of objects.filter((o) => o.kind === 'PodDisruptionBudget')) {
    const selector = (pdb.spec as { selector: { matchLabels: Labels } }).selector.matchLabels;
    if (!all.some((w) => matches(selector, w.labels)))
      problems.push(`PodDisruptionBudget/${pdb.metadata.name}: selects no pods`);
  }
  for (const hpa of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
    const ref = (hpa.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef;
    if (!find(objects, ref.kind, ref.name))
      problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: no ${ref.kind}/${ref.name}`);
  }
  return problems;
}

function exposes(container: Container, port: number | string): boolean {
  return (container.ports ?? []).some((p) =>
    typeof port === 'number' ? p.containerPort === port : p.name === port,
  );
}

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

/** Every HTTP/TCP probe targets a port its container declares. */
export function probeProblems(objects: K8sObject[]): string[] {
  return podContainers(objects).flatMap((container) =>
    (['readinessProbe', 'livenessProbe', 'startupProbe'] as const).flatMap((kind) => {
      const probe = container[kind];
      const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port;
      return port === undefined || exposes(container, port)
        ? []
        : [`container ${container.name}: ${kind} targets port ${port}, which the container does not expose`];
    }),
  );
}

/** Variables of `required` that the named Deployment's first container does not receive. */
export function missingVariables(objects: K8sObject[], deployment: string, required: string[]): string[] {
  const workload = find(objects, 'Deployment', deployment);
  if (!workload) return [`no Deployment/${deployment}`];
  const container = podContainers([workload])[0]!;
  const provided = new Set<string>();
  const problems: string[] = [];
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.configMapKeyRef;
    const configMap = ref && find(objects, 'ConfigMap', ref.name);
    if (ref && !(configMap?.data as Labels | undefined)?.[ref.key]) {
      problems.push(`${deployment}: ${variable.name} refers to missing ConfigMap key ${ref.name}/${ref.key}`);
    } else provided.add(variable.name);
  }
  for (const source of container.envFrom ?? []) {
    // A whole Secret may hold any variable and its keys are not in the manifests: it counts for all.
    if (source.secretRef) return problems;
    const configMap = source.configMapRef && find(objects, 'ConfigMap', source.configMapRef.name);
    if (!configMap)
      problems.push(`${deployment}: envFrom refers to missing ConfigMap ${source.configMapRef?.name}`);
    else Object.keys((configMap.data as Labels | undefined) ?? {}).forEach((key) => provided.add(key));
  }
  return [
    ...problems,
    ...required.filter((name) => !provided.has(name)).map((name) => `${deployment}: ${name} is not set`),
  ];
}

type ParentRef = { name: string; sectionName?: string };
type HttpRouteSpec = {
  parentRefs?: ParentRef[];
  rules?: {
    matches?: { path?: { type?: string; value?: string } }[];
    backendRefs?: { name: string; port?: number }[];
  }[];
};
type GatewaySpec = {
  gatewayClassName: string;
  listeners: { name: string; tls?: { certificateRefs?: { name: string }[] } }[];
};

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

/**
 * Every Secret key a pod, Gateway or Ingress uses is made by an ExternalSecret of the overlay (production
 * Secrets come from the secret manager only). Optional references are skipped.
 */
export function externalSecretProblems(objects: K8sObject[]): string[] {
  const made = new Map<string, Set<string>>();
  for (const es of objects.filter((o) => o.kind === 'ExternalSecret')) {
    const spec = es.spec as { target?: { name?: string }; data?: { secretKey: string }[] };
    made.set(spec.target?.name ?? es.metadata.name, new Set((spec.data ?? []).map((d) => d.secretKey)));
  }
  const problems: string[] = [];
  const need = (where: string, secret: string, key?: string) => {
    const keys = made.get(secret);
    if (!keys) problems.push(`${where}: Secret ${secret} is made by no ExternalSecret`);
    else if (key && !keys.has(key)) problems.push(`${where}: ExternalSecret ${secret} has no key ${key}`);
  };
  for (const workload of workloads(objects)) {
    for (const container of workload.containers) {
      const where = `${workload.object.kind}/${workload.object.metadata.name}`;
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.secretKeyRef as
          { name: string; key: string; optional?: boolean } | undefined;
        if (ref && !ref.optional) need(where, ref.name, ref.key);
      }
      for (const source of container.envFrom ?? []) if (source.secretRef) need(where, source.secretRef.name);
    }
  }
  for (const gateway of objects.filter((o) => o.kind === 'Gateway')) {
    for (const listener of (gateway.spec as GatewaySpec).listeners)
      for (const cert of listener.tls?.certificateRefs ?? [])
        need(`Gateway/${gateway.metadata.name}`, cert.name, 'tls.crt');
  }
  for (const ingress of objects.filter((o) => o.kind === 'Ingress')) {
    for (const tls of (ingress.spec as { tls?: { secretName: string }[] }).tls ?? [])
      need(`Ingress/${ingress.metadata.name}`, tls.secretName, 'tls.crt');
  }
  return problems;
}
