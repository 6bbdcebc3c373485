import { invalidRequest, missingParam, unknownParam } from './errors';

/** Parameters as qs parses a Stripe form body: strings, nested objects and arrays. */
export type Params = Record<string, unknown>;

export function assertKnownParams(params: Params, allowed: readonly string[]): void {
  for (const name of Object.keys(params)) {
    if (!allowed.includes(name)) throw unknownParam(name);
  }
}

export function readString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${name}`, { param: name });
  return value;
}

export function requireString(params: Params, name: string): string {
  const value = readString(params, name);
  if (value === undefined || value === '') throw missingParam(name);
  return value;
}

export function readInteger(params: Params, name: string, min = 1, max = 99_999_999): number | undefined {
  const raw = readString(params, name);
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw)) {
    throw invalidRequest(`Invalid integer: ${raw}`, { code: 'parameter_invalid_integer', param: name });
  }
  const value = Number(raw);
  if (value < min) {
    throw invalidRequest(`This value must be greater than or equal to ${min}.`, {
      code: 'parameter_invalid_integer',
      param: name,
    });
  }
  if (value > max) {
    throw invalidRequest(`This value must be less than or equal to ${max}.`, {
      code: 'parameter_invalid_integer',
      param: name,
    });
  }
  return value;
}

export function readBoolean(params: Params, name: string): boolean | undefined {
  const raw = readString(params, name);
  if (raw === undefined) return undefined;
  if (raw !== 'true' && raw !== 'false') throw invalidRequest(`Invalid boolean: ${raw}`, { param: name });
  return raw === 'true';
}

export function readEnum<T extends string>(
  params: Params,
  name: string,
  values: readonly T[],
): T | undefined {
  const raw = readString(params, name);
  if (raw === undefined) return undefined;
  if (!(values as readonly string[]).includes(raw)) {
    throw invalidRequest(`Invalid ${name}: must be one of ${values.join(', ')}`, {
      code: 'parameter_invalid_string',
      param: name,
    });
  }
  return raw as T;
}

export function readObject(params: Params, name: string): Params | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('Invalid object', { param: name });
  }
  return value as Params;
}

export function readStringArray(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value : [value];
  if (!items.every((item) => typeof item === 'string'))
    throw invalidRequest('Invalid array', { param: name });
  return items as string[];
}

/** Stripe's metadata rules: up to 50 keys, keys up to 40 characters, string values up to 500. */
export function readMetadata(params: Params): Record<string, string> {
  const metadata = readObject(params, 'metadata') ?? {};
  const entries = Object.entries(metadata).filter(([, value]) => value !== '');
  if (entries.length > 50) throw invalidRequest('Metadata can have at most 50 keys.', { param: 'metadata' });
  for (const [key, value] of entries) {
    const param = `metadata[${key}]`;
    if (typeof value !== 'string') throw invalidRequest('Metadata values must be strings.', { param });
    if (key.length > 40) throw invalidRequest('Metadata keys must be at most 40 characters.', { param });
    if (value.length > 500)
      throw invalidRequest('Metadata values must be at most 500 characters.', { param });
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/** `expand[]`: only the listed paths can be expanded by the emulator. */
export function readExpand(params: Params, supported: readonly string[]): string[] {
  const expand = readStringArray(params, 'expand') ?? [];
  for (const path of expand) {
    if (!supported.includes(path)) {
      throw invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
    }
  }
  return expand;
}
