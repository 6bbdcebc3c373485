/** kustomize's two patch kinds for the renderer: strategic merge (by kind + name) and JSON 6902 (by target). */
import type { K8sObject } from './kustomize';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type KustomizePatch = { path?: string; patch?: string; target?: { kind?: string; name?: string } };

/** Strategic-merge keys of the lists our patches touch; any other list is replaced, as kustomize does. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
};

/** Applies the documents of one `patches` entry (`docs`, read from its file or inline text) to `objects`. */
export function applyPatch(objects: K8sObject[], patch: KustomizePatch, docs: Json[], file: string) {
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

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
