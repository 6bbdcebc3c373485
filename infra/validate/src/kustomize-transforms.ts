/** The renderer's field transforms, applied after the patches: namespace, labels and images. */
import type { K8sObject } from './kustomize';
import { podContainers, WORKLOADS } from './workloads';

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'PersistentVolume',
  'GatewayClass',
  'ClusterSecretStore',
]);

export type ImageChange = { name: string; newName?: string; newTag?: string; digest?: string };

export function setNamespace(objects: K8sObject[], namespace: string) {
  for (const object of objects) {
    if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = namespace;
  }
}

export function addLabels(
  objects: K8sObject[],
  pairs: Record<string, string>,
  selectors: boolean,
  templates: boolean,
) {
  for (const object of objects) {
    object.metadata.labels = { ...object.metadata.labels, ...pairs };
    const spec = object.spec as Record<string, unknown> | undefined;
    if (!spec) continue;
    if (WORKLOADS.has(object.kind)) {
      const template = spec.template as { metadata?: { labels?: Record<string, string> } };
      if (templates || selectors) {
        template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, ...pairs } };
      }
      if (selectors) {
        const selector = spec.selector as { matchLabels?: Record<string, string> };
        selector.matchLabels = { ...selector.matchLabels, ...pairs };
      }
    }
    if (object.kind === 'Service' && selectors) {
      spec.selector = { ...(spec.selector as Record<string, string>), ...pairs };
    }
  }
}

export function setImage(objects: K8sObject[], image: ImageChange) {
  for (const container of podContainers(objects)) {
    const [name, tag] = splitImage(container.image);
    if (name !== image.name) continue;
    const newName = image.newName ?? name;
    container.image = image.digest
      ? `${newName}@${image.digest}`
      : `${newName}${image.newTag ? `:${image.newTag}` : tag ? `:${tag}` : ''}`;
  }
}

function splitImage(image: string): [string, string | undefined] {
  const at = image.lastIndexOf(':');
  return at > image.lastIndexOf('/') ? [image.slice(0, at), image.slice(at + 1)] : [image, undefined];
}
