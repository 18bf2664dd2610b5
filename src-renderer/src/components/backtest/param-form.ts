// Runs in: renderer. Strategy params as an editable draft (text per field) built from the registry's defaults, and back.

/** Leaves are the text in the input; nested objects stay nested (consensus has sub-strategies). */
export type Draft = { [key: string]: string | Draft };

export interface FieldSchema {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  properties?: Record<string, FieldSchema>;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function toDraft(defaults: Record<string, unknown>): Draft {
  const draft: Draft = {};
  for (const [k, v] of Object.entries(defaults)) draft[k] = isObject(v) ? toDraft(v) : typeof v === 'number' ? String(v) : JSON.stringify(v);
  return draft;
}

/** Numbers and JSON back into params; the engine's schema still has the last word on ranges. */
export function fromDraft(draft: Draft, defaults: Record<string, unknown>, path = ''): { ok: true; params: Record<string, unknown> } | { ok: false; error: string } {
  const params: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(defaults)) {
    const value = draft[k];
    const name = path ? `${path}.${k}` : k;
    if (isObject(d)) {
      const nested = fromDraft(isObject(value) ? (value as Draft) : {}, d, name);
      if (!nested.ok) return nested;
      params[k] = nested.params;
    } else if (typeof d === 'number') {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n)) return { ok: false, error: `${name} must be a number` };
      params[k] = n;
    } else {
      try {
        params[k] = JSON.parse(typeof value === 'string' ? value : 'null');
      } catch {
        return { ok: false, error: `${name} is not valid JSON` };
      }
    }
  }
  return { ok: true, params };
}

export function setDraft(draft: Draft, path: readonly string[], value: string): Draft {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return { ...draft, [head]: value };
  return { ...draft, [head]: setDraft((draft[head] as Draft | undefined) ?? {}, rest, value) };
}

/** Readable label from a camelCase key: "entryThreshold" → "Entry threshold". */
export function labelOf(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
