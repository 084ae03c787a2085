/**
 * A small validator for the JSON-schema subset MCP tools use for their arguments: type
 * (including `integer` and type arrays), required, properties, additionalProperties (false or a
 * schema), enum, const, items, minimum/maximum, exclusiveMinimum/exclusiveMaximum,
 * minLength/maxLength, minItems/maxItems, pattern, anyOf/oneOf. Unknown keywords are ignored.
 * Errors name the JSON path, e.g. `$.edits[0].oldText: required`.
 */

type Schema = Record<string, unknown>;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function matchesType(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  if (t === 'number') return actual === 'number' || actual === 'integer';
  return actual === t;
}

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates `value` against `schema`; returns the list of problems (empty = valid). */
export function validateJsonSchema(schema: unknown, value: unknown, path = '$'): string[] {
  if (schema === true || schema === undefined) return [];
  if (schema === false) return [`${path}: not allowed`];
  if (!isSchema(schema)) return [];
  const errors: string[] = [];
  const types = schema['type'];
  if (typeof types === 'string' || Array.isArray(types)) {
    const list = (Array.isArray(types) ? types : [types]).filter((t): t is string => typeof t === 'string');
    if (list.length > 0 && !list.some((t) => matchesType(value, t))) {
      return [`${path}: expected ${list.join(' or ')}, got ${typeOf(value)}`];
    }
  }
  if (Array.isArray(schema['enum']) && !schema['enum'].some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    errors.push(`${path}: must be one of ${schema['enum'].map((e) => JSON.stringify(e)).join(', ')}`);
  }
  if ('const' in schema && JSON.stringify(schema['const']) !== JSON.stringify(value)) errors.push(`${path}: must be ${JSON.stringify(schema['const'])}`);
  if (typeof value === 'number') {
    const n = (k: string): number | undefined => (typeof schema[k] === 'number' ? (schema[k] as number) : undefined);
    const min = n('minimum');
    const max = n('maximum');
    const xmin = n('exclusiveMinimum');
    const xmax = n('exclusiveMaximum');
    if (min !== undefined && value < min) errors.push(`${path}: must be >= ${min}`);
    if (max !== undefined && value > max) errors.push(`${path}: must be <= ${max}`);
    if (xmin !== undefined && value <= xmin) errors.push(`${path}: must be > ${xmin}`);
    if (xmax !== undefined && value >= xmax) errors.push(`${path}: must be < ${xmax}`);
  }
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) errors.push(`${path}: must have at least ${schema['minLength']} characters`);
    if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) errors.push(`${path}: must have at most ${schema['maxLength']} characters`);
    if (typeof schema['pattern'] === 'string') {
      try {
        if (!new RegExp(schema['pattern'], 'u').test(value)) errors.push(`${path}: must match /${schema['pattern']}/`);
      } catch {
        // An invalid pattern in a server's schema is the server's problem, not the user's.
      }
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) errors.push(`${path}: must have at least ${schema['minItems']} items`);
    if (typeof schema['maxItems'] === 'number' && value.length > schema['maxItems']) errors.push(`${path}: must have at most ${schema['maxItems']} items`);
    if (isSchema(schema['items'])) value.forEach((item, i) => errors.push(...validateJsonSchema(schema['items'], item, `${path}[${i}]`)));
  }
  if (isSchema(value)) {
    const props = isSchema(schema['properties']) ? schema['properties'] : {};
    if (Array.isArray(schema['required'])) {
      for (const r of schema['required']) if (typeof r === 'string' && !(r in value)) errors.push(`${path}.${r}: required`);
    }
    for (const [k, v] of Object.entries(value)) {
      if (k in props) errors.push(...validateJsonSchema(props[k], v, `${path}.${k}`));
      else if (schema['additionalProperties'] === false) errors.push(`${path}.${k}: unknown property`);
      else if (isSchema(schema['additionalProperties'])) errors.push(...validateJsonSchema(schema['additionalProperties'], v, `${path}.${k}`));
    }
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alts = schema[key];
    if (Array.isArray(alts) && alts.length > 0) {
      const passing = alts.filter((alt) => validateJsonSchema(alt, value, path).length === 0).length;
      if (key === 'anyOf' && passing === 0) errors.push(`${path}: matches none of the allowed shapes`);
      if (key === 'oneOf' && passing !== 1) errors.push(`${path}: must match exactly one allowed shape (matches ${passing})`);
    }
  }
  return errors;
}
