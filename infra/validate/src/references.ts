/** Cross-references a cluster would only reveal at run time, within workloads: selectors, ports, variables. */
import type { K8sObject } from './kustomize';
import { type Container, find, type Labels, podContainers, workloads } from './workloads';

const matches = (selector: Labels, labels: Labels) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

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
