import request from 'supertest';
import { documentationGaps } from '@ticketing/common';
import { forThisFile } from '@ticketing/common/testing';
import { startOrders } from './factories';

const service = forThisFile(startOrders);

test('when the service is wired, then every route it mounts is in its OpenAPI document and every documented route is mounted', () => {
  expect(documentationGaps(service.routes)).toEqual({ undocumented: [], missing: [] });
});

test('when /api/orders/openapi.json is asked for, then it serves the OpenAPI 3.1 document of /api/orders', async () => {
  const res = await request(service.app).get('/api/orders/openapi.json');
  expect(res.status).toBe(200);
  expect(res.body.openapi).toBe('3.1.0');
  const paths = Object.keys(res.body.paths as object);
  expect(paths).toContain('/api/orders');
  expect(paths.every((path) => path.startsWith('/api/orders'))).toBe(true);
});
