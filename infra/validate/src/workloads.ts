/** Rendered objects as the checks read them: workloads, their containers, an object by kind and name. */
import type { K8sObject } from './kustomize';

/** Kinds whose spec holds a pod template. */
export const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

export type Container = {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: Record<string, { name: string; key: string }> }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  [field: string]: unknown;
};
export type Probe = { httpGet?: { port: number | string }; tcpSocket?: { port: number | string } };

/** The containers of every pod template (Deployments, StatefulSets, ...). */
export function podContainers(objects: K8sObject[]): Container[] {
  return objects.flatMap((object) => {
    if (!WORKLOADS.has(object.kind)) return [];
    const pod = (
      object.spec as { template?: { spec?: { containers?: Container[]; initContainers?: Container[] } } }
    ).template?.spec;
    return [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])];
  });
}

export type Labels = Record<string, string>;
export type Workload = { object: K8sObject; labels: Labels; containers: Container[] };

/** Deployments and StatefulSets, with the labels of their pod template and their containers. */
export function workloads(objects: K8sObject[]): Workload[] {
  return objects
    .filter((o) => ['Deployment', 'StatefulSet'].includes(o.kind))
    .map((object) => {
      const spec = object.spec as { template: { metadata?: { labels?: Labels } } };
      return { object, labels: spec.template.metadata?.labels ?? {}, containers: podContainers([object]) };
    });
}

export const find = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);
