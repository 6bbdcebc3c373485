import { forThisFile, testOpenApiDocument } from '@ticketing/common/testing';
import { startTickets } from './factories';

const service = forThisFile(startTickets);

testOpenApiDocument(() => service, {
  url: '/api/tickets/openapi.json',
  prefixes: ['/api/tickets', '/api/events'],
  includes: ['/api/tickets', '/api/events/{id}'],
});
