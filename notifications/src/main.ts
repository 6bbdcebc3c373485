import { bootService } from '@ticketing/common';
import { notificationsService } from './app';
import { loadServiceConfig } from './config';

void bootService(notificationsService, () => loadServiceConfig());
