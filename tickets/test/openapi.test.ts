import request from 'supertest';
import { documentationGaps } from '@ticketing/common';
import { forThisFile } from '@ticketing/common/testing';
import { startTickets } from './factories';

const service = forThisFile(startTickets);

test('when the service is wired, then every route it mounts is in its OpenAPI document and every documented route is mounted', () => {
  expect(documentationGaps(service.routes)).toEqual({ undocumented: [], missing: [] });
});

test('when /api/tickets/openapi.json is asked for, then it serves the OpenAPI 3.1 document of the service: /api/tickets and /api/events', async () => {
  const res = await request(service.app).get('/api/tickets/openapi.json');
  expect(res.status).toBe(200);
  expect(res.body.openapi).toBe('3.1.0');
  const paths = Object.keys(res.body.paths as object);
  expect(paths).toContain('/api/tickets');
  expect(paths).toContain('/api/events/{id}');
  expect(paths.every((path) => path.startsWith('/api/tickets') || path.startsWith('/api/events'))).toBe(true);
});
