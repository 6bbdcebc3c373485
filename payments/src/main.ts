import { bootService } from '@ticketing/common';
import { paymentsService } from './app';
import { loadServiceConfig } from './config';

void bootService(paymentsService, () => loadServiceConfig());
