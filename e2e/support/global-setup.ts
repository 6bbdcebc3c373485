import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Builds once for every test file: each file starts its own platform from the built `dist/` (as
 * production runs it), and concurrent `tsc -b` runs would write the same outputs.
 */
export default function globalSetup(): void {
  const root = path.resolve(__dirname, '../..');
  execFileSync('npx', ['tsc', '-b', 'tsconfig.json', 'platform'], { cwd: root, stdio: 'inherit' });
}
