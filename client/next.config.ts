import path from 'node:path';
import type { NextConfig } from 'next';

// The monorepo root: node_modules live there, and the standalone server is traced from it, so the build
// writes .next/standalone/client/server.js (what client/Dockerfile runs).
const root = path.resolve(__dirname, '..');

const nextConfig: NextConfig = {
  output: 'standalone',
  outputFileTracingRoot: root,
  // Read from disk by the /api/docs page (src/app/api/docs/[asset]/route.ts), so tracing cannot see them.
  outputFileTracingIncludes: {
    '/api/docs/[asset]': [
      '../node_modules/swagger-ui-dist/swagger-ui.css',
      '../node_modules/swagger-ui-dist/swagger-ui-bundle.js',
    ],
  },
  turbopack: { root },
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  poweredByHeader: false,
  // Loaded by Node.js, not bundled: the instrumentation patches modules through Node's own require.
  serverExternalPackages: [
    '@opentelemetry/instrumentation',
    '@opentelemetry/instrumentation-http',
    '@opentelemetry/sdk-trace',
    '@opentelemetry/exporter-trace-otlp-proto',
    '@opentelemetry/exporter-trace-otlp-http',
  ],
  reactStrictMode: true,
  // Browsers ask for /favicon.ico whatever the page declares: answer with the app's icon, not a 404.
  rewrites: async () => [{ source: '/favicon.ico', destination: '/icon.svg' }],
};

export default nextConfig;
