/**
 * Two schema checks per object: kubernetes-models' JSON-schema validation (types, required fields,
 * enums) and a walk against @kubernetes/client-node's generated models, which catches the misspelled
 * or misplaced fields that the schemas' open objects let through.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { crdProblems, isCustomResource } from './crd-schemas';
import type { K8sObject } from './kustomize';

type TypeMap = Record<string, Record<string, string>>;

const VALIDATE_ROOT = path.resolve(__dirname, '..');

/** `apps/v1` + `Deployment` → `V1Deployment`, as @kubernetes/client-node names its models. */
export function modelName(object: Pick<K8sObject, 'apiVersion' | 'kind'>): string {
  const version = object.apiVersion.split('/').pop()!;
  return `${version[0]!.toUpperCase()}${version.slice(1)}${object.kind}`;
}

/** kubernetes-models validation; returns the problems (empty when valid). */
export function schemaProblems(object: K8sObject): string[] {
  if (isCustomResource(object)) return crdProblems(object);
  const [group, version] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : ['', object.apiVersion];
  const modulePath = `kubernetes-models/${group ? `${group}/` : ''}${version}/${object.kind}`;
  type ModelClass = new (data: unknown) => { validate(): void };
  let Model: ModelClass | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the model module is chosen at run time
    Model = (require(require.resolve(modulePath, { paths: [VALIDATE_ROOT] })) as Record<string, ModelClass>)[
      object.kind
    ];
  } catch {
    Model = undefined;
  }
  if (!Model)
    return [`${object.kind}/${object.metadata.name}: no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${object.kind}/${object.metadata.name}: ${(error as Error).message}`];
  }
}

/** Loads the client-node model field maps for the given objects' kinds (one child process). */
export function loadTypeMap(objects: K8sObject[]): TypeMap {
  const roots = [...new Set(objects.filter((o) => !isCustomResource(o)).map(modelName))];
  const script = path.join(VALIDATE_ROOT, 'scripts', 'k8s-attribute-types.mjs');
  return JSON.parse(
    execFileSync(process.execPath, [script, ...roots], { cwd: VALIDATE_ROOT, encoding: 'utf8' }),
  );
}

/** Every field path in the object that its model does not know. */
export function unknownFields(object: K8sObject, types: TypeMap): string[] {
  if (isCustomResource(object)) return []; // their schemas are closed: schemaProblems reports unknown fields
  const root = modelName(object);
  if (!types[root]) return [`${object.kind}/${object.metadata.name}: no model ${root}`];
  const problems: string[] = [];
  const walk = (value: unknown, type: string, at: string) => {
    if (value === null || value === undefined) return;
    const array = /^Array<(.+)>$/.exec(type);
    if (array) {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, array[1]!, `${at}[${i}]`));
      else problems.push(`${at}: expected a list`);
      return;
    }
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    if (map) {
      for (const [key, item] of Object.entries(value as object)) walk(item, map[1]!, `${at}.${key}`);
      return;
    }
    const fields = types[type];
    if (!fields) return; // a primitive, IntOrString, Quantity or free-form object
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${at}: expected an object (${type})`);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const fieldType = fields[key];
      if (fieldType === undefined) problems.push(`${at}.${key}: unknown field in ${type}`);
      else walk(item, fieldType, `${at}.${key}`);
    }
  };
  walk(object, root, `${object.kind}/${object.metadata.name}`);
  return problems;
}
