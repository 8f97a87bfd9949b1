import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type TestStorage } from './openTestStorage.ts';
import { openSeededTestStorage } from './contractFixtures.ts';

const details = (office: string) => ({
  office, contact: 'Frau Muster', phone: '02431 85-0', email: 'buergerbuero@example.de', notificationEmail: 'eingang@example.de',
  openingHours: 'Mo-Fr 8-12 Uhr', address: 'Johannismarkt 17\n41812 Erkelenz', feeAmounts: { grundgebuehr: '30,00 Euro' },
});
const pages = (impressum: string) => ({
  impressum, privacyController: 'Stadt', privacyOfficer: 'DSB', privacyRights: 'Rechte', privacySupervisory: 'LDI NRW', privacyMore: '', contact: 'Kontakt',
});

describe.each(BACKENDS)('drafts and portal content on %s', (backend) => {
  let opened: TestStorage;
  beforeAll(async () => {
    opened = await openSeededTestStorage(backend);
  });
  afterAll(() => opened.dispose());

  it('When editor drafts are saved, then each save needs the current revision and a stale one changes nothing', async () => {
    const { editorDrafts } = opened.storage;
    const created = await editorDrafts.create({ serviceId: 'hund', definition: { id: 'hund', title: 'A' }, baseVersion: null, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'e1' });
    expect(created).toEqual({ serviceId: 'hund', definition: { id: 'hund', title: 'A' }, revision: 1, baseVersion: null, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'e1' });
    expect(await editorDrafts.create({ serviceId: 'hund', definition: {}, baseVersion: '1.0.0', updatedAt: 'x', updatedBy: 'e2' })).toBeUndefined();
    await editorDrafts.create({ serviceId: 'Abfall', definition: { id: 'Abfall' }, baseVersion: '2.0.0', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'e1' });
    const updated = await editorDrafts.update('hund', { id: 'hund', title: 'B' }, 1, '2026-01-02T00:00:00.000Z', 'e2');
    expect(updated).toMatchObject({ revision: 2, definition: { id: 'hund', title: 'B' }, updatedBy: 'e2' });
    expect(await editorDrafts.update('hund', { id: 'hund', title: 'C' }, 1, '2026-01-03T00:00:00.000Z', 'e3')).toBeUndefined();
    expect(await editorDrafts.update('missing', {}, 1, 'x', 'e3')).toBeUndefined();
    const concurrent = await Promise.all([3, 4, 5].map((n) => editorDrafts.update('hund', { n }, 2, '2026-01-04T00:00:00.000Z', `e${n}`)));
    expect(concurrent.filter(Boolean)).toHaveLength(1);
    expect((await editorDrafts.get('hund'))?.revision).toBe(3);
    expect((await editorDrafts.list()).map((draft) => draft.serviceId)).toEqual(['Abfall', 'hund']);
    expect(await editorDrafts.delete('hund', 2)).toBe(false);
    expect(await editorDrafts.delete('hund', 3)).toBe(true);
    expect(await editorDrafts.get('hund')).toBeUndefined();
  });

  it('When citizens save drafts, then a draft is found by its code hash until it expires and counted per participant', async () => {
    const { citizenDrafts } = opened.storage;
    const draft = { codeHash: 'h1', tenant: 'erkelenz', serviceId: 'hund', version: '1.0.0', data: { name: 'Erika', kinder: [1, 2] }, createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-31T00:00:00.000Z' };
    await citizenDrafts.create(draft);
    await citizenDrafts.create({ ...draft, codeHash: 'h2', expiresAt: '2026-01-10T00:00:00.000Z' });
    await citizenDrafts.create({ ...draft, codeHash: 'h3', tenant: 'wegberg' });
    expect(await citizenDrafts.create({ ...draft }).then(() => 'stored', () => 'refused')).toBe('refused');
    expect(await citizenDrafts.findValid('h1', '2026-01-15T00:00:00.000Z')).toEqual(draft);
    expect(await citizenDrafts.findValid('h2', '2026-01-15T00:00:00.000Z')).toBeUndefined();
    expect(await citizenDrafts.findValid('h1', '2026-01-31T00:00:00.000Z')).toBeUndefined();
    expect(await citizenDrafts.findValid('nope', '2026-01-15T00:00:00.000Z')).toBeUndefined();
    expect(await citizenDrafts.countActive('erkelenz', '2026-01-05T00:00:00.000Z')).toBe(2);
    expect(await citizenDrafts.countActive('erkelenz', '2026-01-15T00:00:00.000Z')).toBe(1);
    expect(await citizenDrafts.countActive('heinsberg', '2026-01-05T00:00:00.000Z')).toBe(0);
    expect(await citizenDrafts.deleteExpired('2026-01-15T00:00:00.000Z')).toBe(1);
    expect(await citizenDrafts.countActive('erkelenz', '2026-01-05T00:00:00.000Z')).toBe(1);
  });

  it("When local details are put and seeded, then each participant has its own and seeding keeps existing ones", async () => {
    const { localDetails } = opened.storage;
    await localDetails.put('erkelenz', 'hund', details('Bürgerbüro'), '2026-01-01T00:00:00.000Z', 'a1');
    expect(await localDetails.get('erkelenz', 'hund')).toEqual(details('Bürgerbüro'));
    expect(await localDetails.get('wegberg', 'hund')).toBeUndefined();
    await localDetails.put('erkelenz', 'hund', { ...details('Steueramt'), feeAmounts: {} }, '2026-01-02T00:00:00.000Z', 'a1');
    expect(await localDetails.get('erkelenz', 'hund')).toEqual({ ...details('Steueramt'), feeAmounts: {} });
    expect(await localDetails.seed([
      { tenant: 'erkelenz', serviceId: 'hund', details: details('Seed') },
      { tenant: 'erkelenz', serviceId: 'Abfall', details: details('Seed') },
      { tenant: 'wegberg', serviceId: 'hund', details: details('Seed W') },
    ], '2026-01-03T00:00:00.000Z')).toBe(2);
    expect((await localDetails.get('erkelenz', 'hund'))?.office).toBe('Steueramt');
    expect((await localDetails.listByTenant('erkelenz')).map((entry) => [entry.serviceId, entry.office])).toEqual([['Abfall', 'Seed'], ['hund', 'Steueramt']]);
    expect((await localDetails.listByTenant('wegberg')).map((entry) => entry.office)).toEqual(['Seed W']);
    expect(await localDetails.listByTenant('heinsberg')).toEqual([]);
  });

  it('When legal pages are put and seeded, then each participant has its own pages', async () => {
    const { legalPages } = opened.storage;
    expect(await legalPages.get('erkelenz')).toBeUndefined();
    await legalPages.put('erkelenz', pages('Stadt Erkelenz'), '2026-01-01T00:00:00.000Z', 'a1');
    expect(await legalPages.get('erkelenz')).toEqual({ ...pages('Stadt Erkelenz'), updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'a1' });
    await legalPages.put('erkelenz', pages('Stadt Erkelenz, neu'), '2026-01-02T00:00:00.000Z', 'a2');
    expect(await legalPages.seed([{ tenant: 'erkelenz', pages: pages('Seed') }, { tenant: 'wegberg', pages: pages('Seed W') }], '2026-01-03T00:00:00.000Z')).toBe(1);
    expect(await legalPages.get('erkelenz')).toEqual({ ...pages('Stadt Erkelenz, neu'), updatedAt: '2026-01-02T00:00:00.000Z', updatedBy: 'a2' });
    expect(await legalPages.get('wegberg')).toEqual({ ...pages('Seed W'), updatedAt: '2026-01-03T00:00:00.000Z', updatedBy: 'seed' });
    expect(await legalPages.get('heinsberg')).toBeUndefined();
    await expect(legalPages.put('nowhere', pages('x'), '2026-01-01T00:00:00.000Z', 'a1')).rejects.toThrow();
  });

  it('When barriers are reported, then each participant lists only its own reports, newest first', async () => {
    const { accessibilityFeedback } = opened.storage;
    await accessibilityFeedback.create({ id: 'f1', tenant: 'erkelenz', page: 'Startseite', message: 'Kontrast zu gering', email: null, receivedAt: '2026-01-01T00:00:00.000Z' });
    await accessibilityFeedback.create({ id: 'f2', tenant: 'erkelenz', page: '', message: 'Fokus unsichtbar', email: 'a@example.de', receivedAt: '2026-01-02T00:00:00.000Z' });
    await accessibilityFeedback.create({ id: 'f3', tenant: 'wegberg', page: 'Formular', message: 'Label fehlt', email: null, receivedAt: '2026-01-03T00:00:00.000Z' });
    const listed = await accessibilityFeedback.listByTenant('erkelenz');
    expect(listed).toEqual([
      { id: 'f2', tenant: 'erkelenz', page: '', message: 'Fokus unsichtbar', email: 'a@example.de', receivedAt: '2026-01-02T00:00:00.000Z' },
      { id: 'f1', tenant: 'erkelenz', page: 'Startseite', message: 'Kontrast zu gering', email: null, receivedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(await accessibilityFeedback.listByTenant('heinsberg')).toEqual([]);
  });
});
