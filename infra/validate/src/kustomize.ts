/**
 * A small kustomize renderer for exactly the features infra/k8s uses — resources (files and directories),
 * namespace, labels/commonLabels, images, patches (strategic merge by kind + name, or JSON 6902 with a
 * target) and configMapGenerator with fixed names (generators.ts) — because no maintained kustomize implementation exists on npm and the real binary cannot be
 * fetched here. Any other kustomization field is an error, so a manifest never relies on a feature these
 * checks would silently ignore. The patches are applied by kustomize-patches.ts, namespace, labels and
 * images by kustomize-transforms.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { generateConfigMaps, type ConfigMapGenerator, type GeneratorOptions } from './generators';
import { applyPatch, type Json, type JsonObject, type KustomizePatch } from './kustomize-patches';
import { addLabels, type ImageChange, setImage, setNamespace } from './kustomize-transforms';

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [k: string]: unknown };
  [field: string]: unknown;
};

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

type Kustomization = {
  resources?: string[];
  namespace?: string;
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[];
  commonLabels?: Record<string, string>;
  images?: ImageChange[];
  patches?: KustomizePatch[];
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
  for (const patch of spec.patches ?? []) applyPatch(objects, patch, patchDocuments(patch, dir), file);
  if (spec.namespace) setNamespace(objects, spec.namespace);
  if (spec.commonLabels) addLabels(objects, spec.commonLabels, true, true);
  for (const entry of spec.labels ?? []) {
    addLabels(objects, entry.pairs, entry.includeSelectors ?? false, entry.includeTemplates ?? false);
  }
  for (const image of spec.images ?? []) setImage(objects, image);
  return objects;
}

/** The documents of one `patches` entry: from its file, or its inline text. */
function patchDocuments(patch: KustomizePatch, dir: string): Json[] {
  return patch.path
    ? readYamlDocuments(path.resolve(dir, patch.path))
    : parseAllDocuments(patch.patch ?? '').map((doc) => doc.toJS() as Json);
}
