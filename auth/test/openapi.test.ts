import { forThisFile, testOpenApiDocument } from '@ticketing/common/testing';
import { startAuth } from './support';

const service = forThisFile(startAuth);

testOpenApiDocument(() => service, {
  url: '/api/users/openapi.json',
  prefixes: ['/api/users/'],
  includes: ['/api/users/currentuser'],
});
