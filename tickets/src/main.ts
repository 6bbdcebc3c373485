import { bootService } from '@ticketing/common';
import { ticketsService } from './app';
import { loadServiceConfig } from './config';

void bootService(ticketsService, () => loadServiceConfig());
