/**
 * kustomize's configMapGenerator for the renderer: ConfigMaps from files (key = file name, or `key=path`)
 * and literals, with the generator options' and each entry's labels. Only fixed names are supported
 * (generatorOptions.disableNameSuffixHash: true): the hash suffix kustomize would add is not reproduced,
 * so a generator without it is an error rather than a ConfigMap under a name the cluster would not have.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { K8sObject } from './kustomize';

type Options = { labels?: Record<string, string>; annotations?: Record<string, string> };
export type GeneratorOptions = Options & { disableNameSuffixHash?: boolean };
export type ConfigMapGenerator = { name: string; files?: string[]; literals?: string[]; options?: Options };

export function generateConfigMaps(
  generators: ConfigMapGenerator[],
  options: GeneratorOptions | undefined,
  dir: string,
  file: string,
): K8sObject[] {
  if (generators.length > 0 && options?.disableNameSuffixHash !== true)
    throw new Error(`${file}: configMapGenerator needs generatorOptions.disableNameSuffixHash: true`);
  return generators.map((generator) => {
    const data: Record<string, string> = {};
    for (const entry of generator.files ?? []) {
      const [key, source] = entry.includes('=') ? entry.split('=', 2) : [path.basename(entry), entry];
      const target = path.resolve(dir, source!);
      if (path.relative(dir, target).startsWith('..'))
        throw new Error(`${file}: ${entry} is outside the kustomization directory`);
      data[key!] = fs.readFileSync(target, 'utf8');
    }
    for (const literal of generator.literals ?? []) {
      const at = literal.indexOf('=');
      data[literal.slice(0, at)] = literal.slice(at + 1);
    }
    const labels = { ...options?.labels, ...generator.options?.labels };
    const annotations = { ...options?.annotations, ...generator.options?.annotations };
    return {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: generator.name,
        ...(Object.keys(labels).length ? { labels } : {}),
        ...(Object.keys(annotations).length ? { annotations } : {}),
      },
      data,
    };
  });
}
