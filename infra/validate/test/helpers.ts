import fs from 'node:fs';
import path from 'node:path';
import { type K8sObject, render } from '../src/kustomize';

export const REPO = path.resolve(__dirname, '../../..');
export const K8S = path.join(REPO, 'infra', 'k8s');
export const OVERLAYS = ['dev', 'prod', 'ingress-nginx', 'monitoring'] as const;
export const SERVICES = ['auth', 'tickets', 'orders', 'payments', 'expiration', 'notifications'] as const;
export const IMAGES = [...SERVICES, 'client'] as const;
/** The one Dockerfile of the six services (the client has its own). */
export const SHARED_DOCKERFILE = 'infra/docker/service.Dockerfile';

export const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');

export const renderOverlay = (overlay: string): K8sObject[] => render(path.join(K8S, 'overlays', overlay));

export const findObject = (objects: K8sObject[], kind: string, name: string): K8sObject => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found;
};

/** The first container of a workload, typed loosely for deliberate breakage in tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const firstContainer = (object: K8sObject): any => (object.spec as any).template.spec.containers[0];
