import { deadLettersMain } from '@ticketing/common';

/** `npm run dead-letters -w payments -- list | show ID | replay ID | replay --all | discard ID` */
deadLettersMain('payments');
