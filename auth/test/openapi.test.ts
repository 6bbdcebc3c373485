import request from 'supertest';
import { documentationGaps } from '@ticketing/common';
import { forThisFile } from '@ticketing/common/testing';
import { startAuth } from './support';

const service = forThisFile(startAuth);

test('when the service is wired, then every route it mounts is in its OpenAPI document and every documented route is mounted', () => {
  expect(documentationGaps(service.routes)).toEqual({ undocumented: [], missing: [] });
});

test('when /api/users/openapi.json is asked for, then it serves the OpenAPI 3.1 document of /api/users', async () => {
  const res = await request(service.app).get('/api/users/openapi.json');
  expect(res.status).toBe(200);
  expect(res.body.openapi).toBe('3.1.0');
  const paths = Object.keys(res.body.paths as object);
  expect(paths).toContain('/api/users/currentuser');
  expect(paths.every((path) => path.startsWith('/api/users/'))).toBe(true);
});
