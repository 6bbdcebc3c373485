import { deadLettersMain } from '@ticketing/common';

/** `npm run dead-letters -w tickets -- list | show ID | replay ID | replay --all | discard ID` */
deadLettersMain('tickets');
