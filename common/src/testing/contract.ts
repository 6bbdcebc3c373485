import type { IncomingMessage, ServerResponse } from 'node:http';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Express } from 'express';
import type { ApiDocument } from '../openapi/document';

type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };

/** Path templates of the document, literal ones first, so '/api/tickets/mine' wins over '/{id}'. */
function templatesOf(document: ApiDocument) {
  return Object.keys(document.paths ?? {})
    .map((template) => ({ template, segments: template.split('/') }))
    .sort((a, b) => countParams(a.segments) - countParams(b.segments));
}
const countParams = (segments: string[]) => segments.filter((s) => s.startsWith('{')).length;
const escapePointer = (text: string) => text.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks each JSON answer against the document: the path's operation, the status (an undocumented
 * success is a violation; an undocumented error falls to `default`) and the body's schema. Paths the
 * document does not know (health, an unknown route's 404) are not its business.
 */
export class ResponseContract {
  private readonly ajv = new Ajv2020({ strict: false, unicodeRegExp: false });
  private readonly templates;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: ApiDocument) {
    addFormats.default(this.ajv);
    this.ajv.addSchema(document as object, 'api');
    this.templates = templatesOf(document);
  }

  private templateOf(path: string): string | undefined {
    const segments = path.split('/');
    return this.templates.find(
      (t) =>
        t.segments.length === segments.length &&
        t.segments.every((s, i) => s.startsWith('{') || s === segments[i]),
    )?.template;
  }

  /** A sentence naming what is wrong, or undefined when the answer is what the document says. */
  violation(
    method: string,
    path: string,
    status: number,
    body: string,
    contentType = '',
  ): string | undefined {
    const template = this.templateOf(path);
    if (!template || method === 'HEAD' || method === 'OPTIONS') return undefined;
    const where = `${method} ${path} → ${status}`;
    const lower = method.toLowerCase();
    const op = (this.document.paths?.[template] as Record<string, Operation> | undefined)?.[lower];
    if (!op) return status < 400 ? `${where}: ${method} ${template} is not in the document` : undefined;
    const key = op.responses?.[String(status)] ? String(status) : status >= 400 ? 'default' : undefined;
    if (!key) return `${where}: status ${status} is not documented for ${method} ${template}`;
    const content = op.responses?.[key]?.content ?? {};
    const documentedJson = content['application/json'] !== undefined;
    const fileType = Object.keys(content).find((type) => contentType.startsWith(type));
    if (fileType && fileType !== 'application/json') return undefined;
    if (Object.keys(content).length > 0 && !documentedJson)
      return `${where}: ${contentType || 'no type'} where the document says ${Object.keys(content).join(', ')}`;
    if (!documentedJson) return body === '' ? undefined : `${where}: a body where the document says none`;
    if (!contentType.startsWith('application/json'))
      return `${where}: not JSON (${contentType || 'no type'})`;
    const pointer = `api#/paths/${escapePointer(template)}/${lower}/responses/${key}/content/application~1json/schema`;
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.getSchema(pointer);
      if (!validate) return `${where}: no schema at ${pointer}`;
      this.validators.set(pointer, validate);
    }
    if (validate(JSON.parse(body))) return undefined;
    const [error] = validate.errors ?? [];
    const extra =
      error?.params && 'additionalProperty' in error.params ? ` (${error.params.additionalProperty})` : '';
    return `${where}: ${error?.instancePath || 'the body'} ${error?.message}${extra}; body: ${body.slice(0, 200)}`;
  }
}

/**
 * The app, answering as before, with each answer checked against the document; what does not match is
 * added to `violations` (startTestService fails the file with them when it closes).
 */
export function contractCheckedApp(app: Express, contract: ResponseContract, violations: string[]): Express {
  const checked = (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const keep = (chunk: unknown) => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: never[]) => (
      keep(chunk),
      write(chunk as string, ...rest)
    )) as never;
    res.end = ((chunk?: unknown, ...rest: never[]) => (keep(chunk), end(chunk as string, ...rest))) as never;
    res.once('finish', () => {
      // Express restores req.url after routing; originalUrl is the path the client asked for.
      const path = (req.originalUrl ?? req.url ?? '/').split('?')[0]!;
      const type = String(res.getHeader('content-type') ?? '');
      const body = Buffer.concat(chunks).toString('utf8');
      const found = contract.violation(req.method ?? 'GET', path, res.statusCode, body, type);
      if (found) violations.push(found);
    });
    app(req as never, res as never);
  };
  return checked as unknown as Express;
}
