import { describe, expect, it } from 'vitest';
import { isVersionPolicy, resolveServedVersion, type Enablement } from '../../engine/index.ts';

const enablement = (versionPolicy: string, enabled = true): Enablement => ({
  tenant: 'erkelenz',
  service: 'hundesteuer-anmeldung',
  enabled,
  versionPolicy,
  agreedOn: '2024-03-01',
});
const published = ['1.0.0', '1.2.0', '1.10.0', '2.0.0', '2.1.3', '0.9.0'];

describe('resolveServedVersion', () => {
  it.each([
    ['^1', published, '1.10.0'],
    ['^2', published, '2.1.3'],
    ['^0', published, '0.9.0'],
    ['1.2.0', published, '1.2.0'],
    ['2.0.0', published, '2.0.0'],
  ])('policy %s serves %s', (policy, versions, expected) => {
    expect(resolveServedVersion(enablement(policy), versions)).toEqual({ ok: true, version: expected });
  });

  it.each([
    ['^3', published, 'no-matching-version'],
    ['1.1.0', published, 'no-matching-version'],
    ['^1', [], 'no-matching-version'],
    ['latest', published, 'no-matching-version'],
    ['~1.2', published, 'no-matching-version'],
  ])('policy %s with %j fails with %s', (policy, versions, reason) => {
    const result = resolveServedVersion(enablement(policy), versions);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok ? '' : result.message).toMatch(/\w/);
  });

  it('treats a disabled enablement as not enabled', () => {
    expect(resolveServedVersion(enablement('^1', false), published)).toMatchObject({ ok: false, reason: 'not-enabled' });
  });

  it('treats a missing enablement as not enabled', () => {
    expect(resolveServedVersion(undefined, published)).toMatchObject({ ok: false, reason: 'not-enabled' });
  });

  it('ignores prerelease and malformed published versions for ^N', () => {
    expect(resolveServedVersion(enablement('^1'), ['1.0.0', '1.5.0-beta.1', 'x'])).toEqual({ ok: true, version: '1.0.0' });
  });

  it.each([
    ['1.2.0', true],
    ['^1', true],
    ['^10', true],
    ['^01', false],
    ['1.2', false],
    ['>=1', false],
    [3, false],
  ])('isVersionPolicy(%j) is %s', (value, expected) => {
    expect(isVersionPolicy(value)).toBe(expected);
  });
});
