import { deadLettersMain } from '@ticketing/common';

/** `npm run dead-letters -w notifications -- list | show ID | replay ID | replay --all | discard ID` */
deadLettersMain('notifications');
