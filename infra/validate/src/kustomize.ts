/**
 * A small kustomize renderer for exactly the features infra/k8s uses — resources (files and directories),
 * namespace, labels/commonLabels, images, patches (strategic merge by kind + name, or JSON 6902 with a
 * target) and configMapGenerator with fixed names (generators.ts) — because no maintained kustomize implementation exists on npm and the real binary cannot be
 * fetched here. Any other kustomization field is an error, so a manifest never relies on a feature these
 * checks would silently ignore.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { generateConfigMaps, type ConfigMapGenerator, type GeneratorOptions } from './generators';

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [k: string]: unknown };
  [field: string]: unknown;
};
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SUPPORTED = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'labels',
  'commonLabels',
  'images',
  'patches',
  'configMapGenerator',
  'generatorOptions',
]);
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'PersistentVolume',
  'GatewayClass',
  'ClusterSecretStore',
]);
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);
/** Strategic-merge keys of the lists our patches touch; any other list is replaced, as kustomize does. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
};

type Kustomization = {
  resources?: string[];
  namespace?: string;
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[];
  commonLabels?: Record<string, string>;
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
  patches?: { path?: string; patch?: string; target?: { kind?: string; name?: string } }[];
  configMapGenerator?: ConfigMapGenerator[];
  generatorOptions?: GeneratorOptions;
};

export function readYamlDocuments(file: string): JsonObject[] {
  const text = fs.readFileSync(file, 'utf8');
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
      return doc.toJS() as JsonObject | null;
    })
    .filter((doc): doc is JsonObject => doc !== null);
}

export function render(dir: string): K8sObject[] {
  const file = ['kustomization.yaml', 'kustomization.yml', 'Kustomization']
    .map((name) => path.join(dir, name))
    .find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  const [spec] = readYamlDocuments(file) as unknown as Kustomization[];
  if (!spec) throw new Error(`${file}: empty`);
  const unsupported = Object.keys(spec).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length > 0)
    throw new Error(`${file}: unsupported kustomize fields ${unsupported.join(', ')}`);

  const objects: K8sObject[] = [];
  const generated = generateConfigMaps(spec.configMapGenerator ?? [], spec.generatorOptions, dir, file);
  for (const found of [
    ...(spec.resources ?? []).map((resource) => {
      const target = path.resolve(dir, resource);
      return fs.statSync(target).isDirectory()
        ? render(target)
        : (readYamlDocuments(target) as unknown as K8sObject[]);
    }),
    generated,
  ]) {
    for (const object of found) {
      const clash = objects.find((o) => o.kind === object.kind && o.metadata.name === object.metadata.name);
      if (clash) throw new Error(`${file}: ${object.kind}/${object.metadata.name} is defined twice`);
      objects.push(object);
    }
  }
  for (const patch of spec.patches ?? []) applyPatch(objects, patch, dir, file);
  if (spec.namespace) {
    for (const object of objects) {
      if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = spec.namespace;
    }
  }
  if (spec.commonLabels) addLabels(objects, spec.commonLabels, true, true);
  for (const entry of spec.labels ?? []) {
    addLabels(objects, entry.pairs, entry.includeSelectors ?? false, entry.includeTemplates ?? false);
  }
  for (const image of spec.images ?? []) setImage(objects, image);
  return objects;
}

function applyPatch(
  objects: K8sObject[],
  patch: NonNullable<Kustomization['patches']>[number],
  dir: string,
  file: string,
) {
  const docs = patch.path
    ? readYamlDocuments(path.resolve(dir, patch.path))
    : parseAllDocuments(patch.patch ?? '').map((doc) => doc.toJS() as Json);
  for (const doc of docs) {
    if (Array.isArray(doc)) {
      const targets = objects.filter(
        (o) => o.kind === patch.target?.kind && o.metadata.name === patch.target?.name,
      );
      if (targets.length === 0)
        throw new Error(`${file}: JSON patch target ${JSON.stringify(patch.target)} not found`);
      for (const target of targets)
        applyJsonPatch(target as unknown as JsonObject, doc as unknown as JsonPatchOp[]);
      continue;
    }
    const smp = doc as unknown as K8sObject & { $patch?: string };
    const kind = patch.target?.kind ?? smp.kind;
    const name = patch.target?.name ?? smp.metadata?.name;
    const index = objects.findIndex((o) => o.kind === kind && o.metadata.name === name);
    if (index < 0) throw new Error(`${file}: patch target ${kind}/${name} not found`);
    // `$patch: delete` at the top of a strategic-merge patch removes the whole object, as in kustomize.
    if (smp.$patch === 'delete') {
      objects.splice(index, 1);
      continue;
    }
    objects[index] = strategicMerge(
      objects[index] as unknown as Json,
      smp as unknown as Json,
    ) as unknown as K8sObject;
  }
}

export function strategicMerge(base: Json, patch: Json, field = ''): Json {
  if (Array.isArray(base) && Array.isArray(patch) && MERGE_KEYS[field]) {
    const key = MERGE_KEYS[field];
    const merged = [...base];
    for (const item of patch) {
      const at = merged.findIndex(
        (existing) => isObject(existing) && isObject(item) && existing[key] === item[key],
      );
      if (at >= 0) merged[at] = strategicMerge(merged[at]!, item, '');
      else merged.push(item);
    }
    return merged;
  }
  if (!isObject(base) || !isObject(patch)) return patch;
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = key in base ? strategicMerge(base[key]!, value, key) : value;
  }
  return merged;
}

type JsonPatchOp = { op: 'add' | 'replace' | 'remove'; path: string; value?: Json };

function applyJsonPatch(target: JsonObject, ops: JsonPatchOp[]) {
  for (const { op, path: pointer, value } of ops) {
    const parts = pointer
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop()!;
    let parent: Json = target;
    for (const part of parts) {
      parent = (
        Array.isArray(parent) ? parent[Number(part)] : isObject(parent) ? parent[part] : undefined
      ) as Json;
      if (parent === undefined) throw new Error(`JSON patch: ${pointer} does not exist`);
    }
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (op === 'add') parent.splice(index, 0, value!);
      else if (op === 'replace') parent[index] = value!;
      else parent.splice(index, 1);
    } else if (isObject(parent)) {
      if (op !== 'add' && !(last in parent)) throw new Error(`JSON patch: ${pointer} does not exist`);
      if (op === 'remove') delete parent[last];
      else parent[last] = value!;
    }
  }
}

function addLabels(
  objects: K8sObject[],
  pairs: Record<string, string>,
  selectors: boolean,
  templates: boolean,
) {
  for (const object of objects) {
    object.metadata.labels = { ...object.metadata.labels, ...pairs };
    const spec = object.spec as JsonObject | undefined;
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

function setImage(objects: K8sObject[], image: NonNullable<Kustomization['images']>[number]) {
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

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
