// First: tracing patches http, express, pg and ioredis as they load, so it must start before them.
import '@ticketing/common/tracing/register';
import { bootService } from '@ticketing/common';
import { notificationsService } from './app';
import { loadServiceConfig } from './config';

void bootService(notificationsService, () => loadServiceConfig());
