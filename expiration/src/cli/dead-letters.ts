import { deadLettersMain } from '@ticketing/common';

/** `npm run dead-letters -w expiration -- list | show ID | replay ID | replay --all | discard ID` */
deadLettersMain('expiration');
