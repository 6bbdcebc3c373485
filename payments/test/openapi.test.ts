import request from 'supertest';
import { documentationGaps } from '@ticketing/common';
import { forThisFile } from '@ticketing/common/testing';
import { startPayments } from './factories';

const harness = forThisFile(startPayments);

test('when the service is wired, then every route it mounts is in its OpenAPI document and every documented route is mounted', () => {
  expect(documentationGaps(harness.service.routes)).toEqual({ undocumented: [], missing: [] });
});

test('when /api/payments/openapi.json is asked for, then it serves the OpenAPI 3.1 document of /api/payments', async () => {
  const res = await request(harness.service.app).get('/api/payments/openapi.json');
  expect(res.status).toBe(200);
  expect(res.body.openapi).toBe('3.1.0');
  const paths = Object.keys(res.body.paths as object);
  expect(paths).toContain('/api/payments');
  expect(paths.every((path) => path.startsWith('/api/payments'))).toBe(true);
});
