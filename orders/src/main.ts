// First: tracing patches http, express, pg and ioredis as they load, so it must start before them.
import '@ticketing/common/tracing/register';
import { bootService } from '@ticketing/common';
import { ordersService } from './app';
import { loadServiceConfig } from './config';

void bootService(ordersService, () => loadServiceConfig());
