import { forThisFile, testOpenApiDocument } from '@ticketing/common/testing';
import { startOrders } from './factories';

const service = forThisFile(startOrders);

testOpenApiDocument(() => service, {
  url: '/api/orders/openapi.json',
  prefixes: ['/api/orders'],
  includes: ['/api/orders'],
});
