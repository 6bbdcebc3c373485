import { deadLettersMain } from '@ticketing/common';

/** `npm run dead-letters -w orders -- list | show ID | replay ID | replay --all | discard ID` */
deadLettersMain('orders');
