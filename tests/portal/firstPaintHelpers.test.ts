import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { collectKernClassUsage, purgeUnusedKernRules, selectorCanMatch, splitSelectorList } from '../../renderer/purgeUnusedKernRules.ts';
import { createDeferredValidator, loadAfterNextPaint, needsValidatorToRender, whenValidatorReady } from '../../renderer/shared/validation/deferredValidator.ts';

function fakeValidator(valid: boolean): ValidatorType {
  return {
    validateFormData: () => ({ errors: [], errorSchema: {} }),
    isValid: () => valid,
    rawValidation: () => ({}),
  };
}

describe('the deferred validator of the form route', () => {
  it('When a schema has conditionals or choices anywhere, then rendering needs the validator; plain fields do not', () => {
    expect(needsValidatorToRender({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'number' } } } })).toBe(false);
    expect(needsValidatorToRender({ type: 'object', properties: { a: { type: 'object', if: {}, then: {} } } })).toBe(true);
    expect(needsValidatorToRender({ type: 'object', properties: { a: { type: 'array', items: { oneOf: [{ const: 1 }] } } } })).toBe(true);
    expect(needsValidatorToRender({ allOf: [{ anyOf: [] }] })).toBe(true);
    expect(needsValidatorToRender({ type: 'object', dependencies: { a: ['b'] } })).toBe(true);
  });

  it('When the deferred validator is not started, then nothing is loaded; once started it answers with the loaded one and stays the same object', async () => {
    let loads = 0;
    const deferred = createDeferredValidator(async () => {
      loads++;
      return fakeValidator(true);
    });
    await Promise.resolve();
    expect(loads).toBe(0);
    expect(deferred.isReady()).toBe(false);
    expect(() => deferred.isValid({} as RJSFSchema, {}, {} as RJSFSchema)).toThrow(/before it has been loaded/);
    const ready = whenValidatorReady(deferred);
    expect(ready).toBeDefined();
    await ready;
    await deferred.start();
    expect(loads).toBe(1);
    expect(deferred.isReady()).toBe(true);
    expect(deferred.isValid({} as RJSFSchema, {}, {} as RJSFSchema)).toBe(true);
    expect(whenValidatorReady(deferred)).toBeUndefined();
    expect(whenValidatorReady(fakeValidator(true))).toBeUndefined();
  });

  it('When loading fails, then `ready` rejects with the error and the validator stays unusable', async () => {
    const deferred = createDeferredValidator(() => Promise.reject(new Error('kaputt')));
    loadAfterNextPaint(deferred);
    await expect(deferred.ready).rejects.toThrow('kaputt');
    expect(deferred.isReady()).toBe(false);
  });
});

describe('the KERN stylesheet keeps only rules that can match our markup', () => {
  const usage = { has: (name: string) => ['kern-btn', 'kern-btn--primary', 'kern-alert'].includes(name) };

  it('When a selector needs a class that our sources never name, then it cannot match; classes inside :not() or :is() are not needed', () => {
    expect(selectorCanMatch('.kern-btn.kern-btn--primary:hover', usage)).toBe(true);
    expect(selectorCanMatch('.kern-btn .kern-icon', usage)).toBe(false);
    expect(selectorCanMatch('.kern-btn:not(.kern-btn--disabled)', usage)).toBe(true);
    expect(selectorCanMatch(':is(.kern-col-12) .kern-alert', usage)).toBe(true);
    expect(selectorCanMatch('html body', usage)).toBe(true);
    expect(splitSelectorList('.a, .b:is(.c, .d),[x="1,2"]')).toEqual(['.a', '.b:is(.c, .d)', '[x="1,2"]']);
  });

  it('When the sources use literal and prefixed class names, then both count; a bare "kern-" keeps nothing extra', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kreisform-kern-usage-'));
    try {
      await mkdir(join(dir, 'sub'));
      await writeFile(join(dir, 'a.tsx'), 'const a = <div className={`kern-alert kern-alert--${kind}`} />; const b = `kern-${x}`;');
      await writeFile(join(dir, 'sub', 'b.css'), '.kern-card { color: red }');
      const found = collectKernClassUsage([dir]);
      expect(found.has('kern-alert')).toBe(true);
      expect(found.has('kern-alert--danger')).toBe(true);
      expect(found.has('kern-card')).toBe(true);
      expect(found.has('kern-col-12')).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('When the KERN stylesheet goes through the plugin, then unused rules are gone and the used ones, custom properties and empty-free media stay', async () => {
    const postcss = (await import(createRequire(import.meta.url).resolve('postcss'))).default as (plugins: unknown[]) => { process(css: string, options: { from: string }): Promise<{ css: string }> };
    const file = createRequire(import.meta.url).resolve('@kern-ux/native/dist/kern.min.css');
    const css = await readFile(file, 'utf8');
    const out = (await postcss([purgeUnusedKernRules([join(import.meta.dirname, '../../renderer')])]).process(css, { from: file })).css;
    expect(out.length).toBeLessThan(css.length / 2);
    expect(out).toContain('--kern-color-darkblue-025');
    expect(out).toMatch(/\.kern-btn--primary\b/);
    expect(out).toMatch(/\.kern-icon--danger\b/);
    expect(out).not.toMatch(/\.kern-col-12\b/);
    expect(out).not.toMatch(/@media[^{]*\{\s*\}/);
    // Other stylesheets pass unchanged.
    expect((await postcss([purgeUnusedKernRules([])]).process('.kern-col-12{color:red}', { from: '/x/own.css' })).css).toBe('.kern-col-12{color:red}');
  });
});
