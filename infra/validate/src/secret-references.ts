import type { K8sObject } from './kustomize';
import type { GatewaySpec } from './route-references';
import { workloads } from './workloads';

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
