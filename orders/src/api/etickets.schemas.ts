import { textField } from '@ticketing/common';
import { z } from 'zod';

export const eticketParams = z.object({ eticketId: z.uuid() });
export type EticketParams = z.infer<typeof eticketParams>;

/** Any printable text a scanner may read: a malformed code is "not valid", not a bad request. */
export const checkInBody = z.object({ code: textField({ max: 200 }) });
export type CheckInBody = z.infer<typeof checkInBody>;
