// Runs in: renderer. Inputs for a strategy's params, generated from its defaults and JSON schema (limits, integer steps).
import type { Draft, FieldSchema } from './param-form';
import { labelOf } from './param-form';

interface Props {
  draft: Draft;
  schema: FieldSchema | undefined;
  path?: readonly string[];
  onChange(path: readonly string[], value: string): void;
}

export function ParamFields({ draft, schema, path = [], onChange }: Props) {
  return (
    <>
      {Object.entries(draft).map(([key, value]) => {
        const field = schema?.properties?.[key];
        const at = [...path, key];
        const id = `param-${at.join('-')}`;
        if (typeof value !== 'string') {
          return (
            <fieldset key={key} className="param-group">
              <legend>{labelOf(key)}</legend>
              <ParamFields draft={value} schema={field} path={at} onChange={onChange} />
            </fieldset>
          );
        }
        if (field?.type !== 'number' && field?.type !== 'integer') {
          return (
            <label key={key} htmlFor={id} className="field wide">
              {labelOf(key)} (JSON)
              <textarea id={id} rows={3} value={value} onChange={(e) => onChange(at, e.target.value)} spellCheck={false} />
            </label>
          );
        }
        return (
          <label key={key} htmlFor={id} className="field">
            {labelOf(key)}
            <input
              id={id}
              type="number"
              inputMode="decimal"
              value={value}
              step={field.type === 'integer' ? 1 : 'any'}
              min={field.minimum ?? field.exclusiveMinimum}
              max={field.maximum}
              onChange={(e) => onChange(at, e.target.value)}
            />
          </label>
        );
      })}
    </>
  );
}
