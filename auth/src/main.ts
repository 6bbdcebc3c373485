import { bootService } from '@ticketing/common';
import { authService } from './app';
import { loadServiceConfig } from './config';

void bootService(authService, () => loadServiceConfig());
