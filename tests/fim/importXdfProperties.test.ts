import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import Form from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../engine/checkDefinition.ts';
import { importXdf } from '../../engine/fim/importXdf.ts';
import { buildSchemaXml, type ElementSpec, type FieldSpec, type GroupSpec } from './buildXdf.ts';

// Text as editors type it, without the control characters XML 1.0 forbids.
const text = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: 'grapheme', maxLength }).map((value) => value.replace(/[\u0000-\u001f\u007f\ufffe\uffff]/g, ''));

const numberText = fc.oneof(fc.integer({ min: -1000, max: 5000 }).map(String), fc.constantFrom('', 'abc', '1,5', '2020-01-01'));

const praezisierung: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    minLength: fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constant('x')),
    maxLength: fc.oneof(fc.integer({ min: 0, max: 3000 }).map(String), fc.constant('-1')),
    pattern: fc.constantFrom('[0-9]{5}', '^[A-Z]+$', '[a-', '(a|b', '.*', '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{1,63}$'),
    minValue: numberText,
    maxValue: numberText,
  },
  { requiredKeys: [] },
);

const field: fc.Arbitrary<FieldSpec> = fc.record({
  kind: fc.constant('field' as const),
  id: fc.integer({ min: 1, max: 99999999 }).map((n) => `F${String(n).padStart(8, '0')}`),
  name: text(60),
  label: fc.option(text(80), { nil: undefined }),
  help: fc.option(text(200), { nil: undefined }),
  anzahl: fc.constantFrom('0:1', '1:1', '0:3', '2:5', '1:*', 'x'),
  feldart: fc.constantFrom('input', 'input', 'select', 'label', 'hidden', 'locked'),
  datentyp: fc.constantFrom('text', 'text_latin', 'date', 'time', 'datetime', 'bool', 'num', 'num_int', 'num_currency', 'file', 'obj', 'farbe'),
  praezisierung: fc.option(praezisierung, { nil: undefined }),
  inhalt: fc.option(fc.oneof(text(30), numberText, fc.constantFrom('true', 'false')), { nil: undefined }),
  values: fc.option(fc.array(fc.record({ code: text(5), name: text(20) }), { maxLength: 4 }), { nil: undefined }),
});

const element: fc.Memo<ElementSpec> = fc.memo((depth: number): fc.Arbitrary<ElementSpec> => {
  if (depth <= 1) return field;
  const group: fc.Arbitrary<GroupSpec> = fc.record({
    kind: fc.constant('group' as const),
    id: fc.integer({ min: 1, max: 99999999 }).map((n) => `G${String(n).padStart(8, '0')}`),
    name: text(60),
    help: fc.option(text(100), { nil: undefined }),
    anzahl: fc.constantFrom('0:1', '1:1', '0:*', '1:4'),
    children: fc.array(element(depth - 1), { maxLength: 5 }),
  });
  return fc.oneof({ arbitrary: field, weight: 3 }, { arbitrary: group, weight: 1 });
});

function count(elements: readonly ElementSpec[]): { fields: number; groups: number; labels: number } {
  const totals = { fields: 0, groups: 0, labels: 0 };
  for (const item of elements) {
    if (item.kind === 'group') {
      const inner = count(item.children);
      totals.groups += 1 + inner.groups;
      totals.fields += inner.fields;
      totals.labels += inner.labels;
    } else if (item.feldart === 'label') totals.labels += 1;
    else totals.fields += 1;
  }
  return totals;
}

describe('importXdf on generated schemas', () => {
  it('always yields a definition that passes checkDefinition, with every field and group accounted for', () => {
    fc.assert(
      fc.property(
        fc.record({ name: text(80), children: fc.array(element(4), { maxLength: 8 }), dialect: fc.constantFrom(2 as const, 3 as const) }),
        ({ name, children, dialect }) => {
          const xml = buildSchemaXml({ id: 'S99000001', version: '1.0', name, children }, dialect);
          const result = importXdf(xml, { today: '2026-11-25' });
          if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
          expect(checkDefinition(result.definition)).toEqual([]);
          expect(result.stats).toMatchObject(count(children));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('always renders with rjsf', () => {
    const validator = customizeValidator({ AjvClass: Ajv2020 });
    fc.assert(
      fc.property(fc.array(element(3), { minLength: 1, maxLength: 6 }), (children) => {
        const result = importXdf(buildSchemaXml({ id: 'S99000001', version: '1.0', name: 'Zufall', children }), { today: '2026-11-25' });
        if (!result.ok) throw new Error(result.message);
        const { schema, uiSchema } = result.definition;
        const html = renderToString(createElement(Form, { schema: schema as Record<string, unknown>, uiSchema, validator }));
        expect(html).toContain('<form');
      }),
      { numRuns: 40 },
    );
  });
});
