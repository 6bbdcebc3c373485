import { bootService } from '@ticketing/common';
import { ordersService } from './app';
import { loadServiceConfig } from './config';

void bootService(ordersService, () => loadServiceConfig());
