import { h } from './dom';

/**
 * Builds form fields from a tool's JSON schema (the manual agent's "call a tool by hand" form) and
 * reads them back as arguments. Supports what MCP tools use in practice: string (with enum),
 * number/integer, boolean, and anything else (object, array, unions) as a JSON text area.
 * Required fields are marked; values are validated lightly here and for real by the server.
 */

interface JsonSchemaProp {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  default?: unknown;
  title?: string;
}

interface FieldReader {
  readonly name: string;
  read(): { ok: true; value: unknown; present: boolean } | { ok: false; error: string };
}

/** A form built from a schema. */
export interface SchemaForm {
  readonly element: HTMLElement;
  /** Reads the arguments, or returns the list of problems (naming each field). */
  read(): { ok: true; args: Record<string, unknown> } | { ok: false; errors: string[] };
}

function typeOf(p: JsonSchemaProp): string {
  const t = Array.isArray(p.type) ? p.type.find((x) => x !== 'null') : p.type;
  return t ?? (p.enum ? 'string' : 'json');
}

/** Builds the fields for `schema`; `idPrefix` keeps label/for ids unique in the page. */
export function buildSchemaForm(schema: Record<string, unknown>, idPrefix: string): SchemaForm {
  const props = (typeof schema.properties === 'object' && schema.properties !== null ? schema.properties : {}) as Record<string, JsonSchemaProp>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as unknown[]).filter((x): x is string => typeof x === 'string') : []);
  const element = h('div', { class: 'schema-form' });
  const readers: FieldReader[] = [];
  const names = Object.keys(props);
  if (names.length === 0) element.append(h('p', { class: 'muted' }, 'This tool takes no arguments.'));
  for (const name of names) {
    const p = props[name] ?? {};
    const id = `${idPrefix}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const t = typeOf(p);
    const label = h('label', { for: id }, p.title ?? name, required.has(name) ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : undefined);
    const help = p.description ? h('div', { class: 'field-help', id: `${id}-help` }, p.description) : undefined;
    const common = { id, 'data-testid': `manual-arg-${name}`, 'aria-required': required.has(name) ? 'true' : undefined, 'aria-describedby': help ? `${id}-help` : undefined };
    let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (p.enum && p.enum.length > 0) {
      const sel = h('select', common, required.has(name) ? undefined : h('option', { value: '' }, '(none)'));
      p.enum.forEach((v, i) => sel.append(h('option', { value: String(i) }, JSON.stringify(v))));
      input = sel;
      readers.push({
        name,
        read: () => (sel.value === '' ? { ok: true, value: undefined, present: false } : { ok: true, value: p.enum![Number(sel.value)], present: true }),
      });
    } else if (t === 'boolean') {
      const cb = h('input', { ...common, type: 'checkbox', checked: p.default === true });
      input = cb;
      readers.push({ name, read: () => ({ ok: true, value: cb.checked, present: true }) });
    } else if (t === 'number' || t === 'integer') {
      const num = h('input', { ...common, type: 'number', step: t === 'integer' ? '1' : 'any', value: typeof p.default === 'number' ? String(p.default) : undefined });
      input = num;
      readers.push({
        name,
        read: () => {
          if (num.value.trim() === '') return { ok: true, value: undefined, present: false };
          const v = Number(num.value);
          if (!Number.isFinite(v) || (t === 'integer' && !Number.isInteger(v))) return { ok: false, error: `${name}: expected ${t === 'integer' ? 'an integer' : 'a number'}` };
          return { ok: true, value: v, present: true };
        },
      });
    } else if (t === 'string') {
      const txt = h('input', { ...common, type: 'text', value: typeof p.default === 'string' ? p.default : undefined });
      input = txt;
      readers.push({ name, read: () => ({ ok: true, value: txt.value, present: txt.value !== '' }) });
    } else {
      const area = h('textarea', { ...common, rows: 3, placeholder: t === 'array' ? '[ ]' : '{ }', spellcheck: 'false' });
      if (p.default !== undefined) area.value = JSON.stringify(p.default, null, 2);
      input = area;
      readers.push({
        name,
        read: () => {
          if (area.value.trim() === '') return { ok: true, value: undefined, present: false };
          try {
            return { ok: true, value: JSON.parse(area.value) as unknown, present: true };
          } catch (e) {
            return { ok: false, error: `${name}: not valid JSON (${e instanceof Error ? e.message : String(e)})` };
          }
        },
      });
    }
    element.append(h('div', { class: 'field' }, label, input, help));
  }
  return {
    element,
    read() {
      const args: Record<string, unknown> = {};
      const errors: string[] = [];
      for (const r of readers) {
        const v = r.read();
        if (!v.ok) errors.push(v.error);
        else if (v.present) args[r.name] = v.value;
        else if (required.has(r.name)) errors.push(`${r.name}: required`);
      }
      return errors.length ? { ok: false, errors } : { ok: true, args };
    },
  };
}
