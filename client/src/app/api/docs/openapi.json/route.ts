import { mergedApiDocument } from '@/lib/api-docs/merge';

// Asked for each time: a service deployed a minute ago documents what it serves now.
export const dynamic = 'force-dynamic';

export async function GET() {
  return Response.json(await mergedApiDocument());
}
