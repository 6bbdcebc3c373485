import { z } from 'zod';

/** Where a newest-first page stops: the sort key of its last row, with the id breaking ties. */
export interface PageCursor {
  createdAt: Date;
  id: string;
}

const cursorShape = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

/** Opaque to clients: base64url of the sort key and id. */
export const encodeCursor = ({ createdAt, id }: PageCursor): string =>
  Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');

/** The cursor it encodes, or undefined when the text is not one of ours. */
export function decodeCursor(text: string): PageCursor | undefined {
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { createdAt: new Date(parsed.data[0]), id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}
