import { forThisFile, testOpenApiDocument } from '@ticketing/common/testing';
import { startPayments } from './factories';

const harness = forThisFile(startPayments);

testOpenApiDocument(() => harness.service, {
  url: '/api/payments/openapi.json',
  prefixes: ['/api/payments'],
  includes: ['/api/payments'],
});
