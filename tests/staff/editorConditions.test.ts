import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../engine/checkDefinition.ts';
import { createFormValidator } from '../../engine/createFormValidator.ts';
import { KernForm } from '../../renderer/shared/kern/KernForm.tsx';
import { applyEditorAction } from '../../renderer/staff/editor/applyEditorAction.ts';
import type { DraftDefinition, EditorAction } from '../../renderer/staff/editor/editorTypes.ts';
import { createPreviewValidator } from '../../renderer/staff/preview/createPreviewValidator.ts';

function buildDefinition(effect: 'show' | 'require'): DraftDefinition {
  const actions: EditorAction[] = [
    { type: 'addField', parent: [], kind: 'yesNo', label: 'Ermäßigung beantragt' },
    { type: 'addField', parent: [], kind: 'text', label: 'Begründung' },
    { type: 'updateField', path: ['begruendung'], changes: { required: effect === 'show', condition: { field: 'ermaessigungBeantragt', equals: true, effect } } },
  ];
  return actions.reduce(applyEditorAction, {
    id: `bedingung-${effect}`,
    version: '1.0.0',
    title: 'Bedingungstest',
    description: 'Prüft Bedingungen des Editors.',
    lead: { kind: 'kreis' },
    retentionDays: 30,
    schema: { type: 'object', additionalProperties: false, properties: {} },
    uiSchema: {},
    changelog: { date: '2026-11-25', summary: 'Erste Fassung' },
  } as DraftDefinition);
}

function renderedText(definition: DraftDefinition, formData: Record<string, unknown>): string {
  const html = renderToStaticMarkup(createElement(KernForm, { schema: definition.schema as RJSFSchema, uiSchema: definition.uiSchema, validator: createPreviewValidator(), formData }));
  return html.replace(/<[^>]*>/g, ' ');
}

describe('conditions written by the visual editor', () => {
  it.each(['show', 'require'] as const)('When a %s condition is written, then the engine accepts the definition', (effect) => {
    expect(checkDefinition(buildDefinition(effect))).toEqual([]);
  });

  it.each([
    ['show', { ermaessigungBeantragt: true, begruendung: 'Sozialhilfe' }, true],
    ['show', { ermaessigungBeantragt: true }, false],
    ['show', { ermaessigungBeantragt: false }, true],
    ['show', { ermaessigungBeantragt: false, begruendung: 'versteckt' }, false],
    ['show', {}, true],
    ['require', { ermaessigungBeantragt: true }, false],
    ['require', { ermaessigungBeantragt: false, begruendung: 'freiwillig' }, true],
    ['require', { ermaessigungBeantragt: false }, true],
  ] as const)('When a %s condition meets %j, then the server validator says valid=%s', (effect, data, valid) => {
    const definition = buildDefinition(effect) as unknown as Parameters<ReturnType<typeof createFormValidator>['validate']>[0];
    expect(createFormValidator().validate(definition, data).valid).toBe(valid);
  });

  it('When the condition of a shown field does not hold, then the KERN form leaves the field out', () => {
    const definition = buildDefinition('show');
    expect(renderedText(definition, { ermaessigungBeantragt: true })).toContain('Begründung');
    expect(renderedText(definition, { ermaessigungBeantragt: false })).not.toContain('Begründung');
    expect(renderedText(definition, {})).not.toContain('Begründung');
  });

  it('When a field is only conditionally required, then the KERN form shows it always', () => {
    expect(renderedText(buildDefinition('require'), {})).toContain('Begründung');
  });
});
