import { readFile } from 'node:fs/promises';
import path from 'node:path';

// Swagger UI's files from the swagger-ui-dist package (next.config.ts traces them into the standalone
// server), and the few lines that point it at the merged document.
const PACKAGE_FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

// The monorepo's node_modules: next start and the standalone server both run from client/.
const packageDir = path.join(process.cwd(), '..', 'node_modules', 'swagger-ui-dist');

export async function GET(_request: Request, { params }: { params: Promise<{ asset: string }> }) {
  const { asset } = await params;
  if (asset === 'init.js') {
    return new Response(INIT, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
  }
  const type = PACKAGE_FILES[asset];
  if (!type) return Response.json({ errors: [{ code: 'not_found', message: 'Not found' }] }, { status: 404 });
  const body = await readFile(path.join(packageDir, asset));
  return new Response(body, { headers: { 'content-type': type, 'cache-control': 'public, max-age=3600' } });
}
