import { z } from 'zod';

/** The one error shape of every service (docs/api.md, "Errors"), as the document describes it. */
export const errorsBody = z
  .object({
    errors: z
      .array(
        z.object({
          code: z.string().meta({ description: 'Stable, for programs: pick the reaction by it.' }),
          message: z.string().meta({ description: 'For people; never parse it.' }),
          field: z.string().optional().meta({ description: 'The offending input, when there is one.' }),
        }),
      )
      .min(1),
  })
  .meta({ id: 'Errors' });

/** A cursor page of `item` (docs/api.md, "Lists"): `nextCursor` is null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** How every service writes a date: `toISOString()`. */
export const isoDateTime = () => z.iso.datetime();
