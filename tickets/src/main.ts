// First: tracing patches http, express, pg and ioredis as they load, so it must start before them.
import '@ticketing/common/tracing/register';
import { bootService } from '@ticketing/common';
import { ticketsService } from './app';
import { loadServiceConfig } from './config';

void bootService(ticketsService, () => loadServiceConfig());
