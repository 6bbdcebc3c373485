import { bootService } from '@ticketing/common';
import { expirationService } from './app';
import { loadServiceConfig } from './config';

void bootService(expirationService, () => loadServiceConfig());
