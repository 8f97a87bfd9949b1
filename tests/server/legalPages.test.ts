import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE_LOCAL_DETAILS, completeLocalDetails } from '../helpers/completeLocalDetails.ts';
import { createStaffSession, type StaffSessionForTest } from '../helpers/createStaffSession.ts';
import type { StartedServer } from '../helpers/startServer.ts';
import { startServer } from '../helpers/startServer.ts';
import { startFixtureServer } from './startFixtureServer.ts';

const COMPLETE_PAGES = {
  impressum: '## Herausgeber\nGemeinde Selfkant\nAm Rathaus 13\n52538 Selfkant\n\nE-Mail: [info@selfkant.example](mailto:info@selfkant.example)',
  privacyController: 'Gemeinde Selfkant, vertreten durch den Bürgermeister\nAm Rathaus 13, 52538 Selfkant',
  privacyOfficer: 'Datenschutzbeauftragte der Gemeinde Selfkant: [datenschutz@selfkant.example](mailto:datenschutz@selfkant.example)',
  privacyRights: '- Auskunft (Art. 15 DSGVO)\n- Berichtigung (Art. 16 DSGVO)\n- Löschung (Art. 17 DSGVO)',
  privacySupervisory: 'Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen: [www.ldi.nrw.de](https://www.ldi.nrw.de)',
  privacyMore: '',
  contact: 'Rathaus Selfkant\nTelefon: [02456 499-0](tel:024564990)',
};

describe('legal pages and the enable checklist', () => {
  let server: StartedServer;
  let admin: StaffSessionForTest;
  let staff: StaffSessionForTest;
  let gangeltAdmin: StaffSessionForTest;

  beforeAll(async () => {
    server = await startFixtureServer();
    admin = await createStaffSession(server, 'selfkant', 'admin');
    staff = await createStaffSession(server, 'selfkant', 'staff');
    gangeltAdmin = await createStaffSession(server, 'gangelt', 'admin');
  });
  afterAll(async () => {
    await server.close();
  });

  const putPages = (session: StaffSessionForTest, body: unknown) =>
    fetch(`${server.baseUrl}/api/v1/staff/legal-pages`, { method: 'PUT', headers: session.headers(), body: JSON.stringify(body) });
  const enable = (session: StaffSessionForTest, enabled = true) =>
    fetch(`${server.baseUrl}/api/v1/staff/enablements/testantrag`, { method: 'PUT', headers: session.headers(), body: JSON.stringify({ enabled, versionPolicy: '^1', agreedOn: '2026-12-01' }) });
  const publicPages = async (tenant: string) => (await (await fetch(`${server.baseUrl}/api/v1/tenants/${tenant}/legal-pages`)).json()) as Record<string, unknown> & { missing: string[] };
  const detail = async (session: StaffSessionForTest) => (await fetch(`${server.baseUrl}/healthz?detail`, { headers: { cookie: session.cookie } })).json();

  it('When a seeded demo portal is read, then its legal pages are complete and name the supervisory authority', async () => {
    const pages = await publicPages('erkelenz');
    expect(pages.missing).toEqual([]);
    expect(pages.impressum).toContain('Stadt Erkelenz');
    expect(pages.privacySupervisory).toContain('Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen');
    expect((await fetch(`${server.baseUrl}/api/v1/tenants/gibt-es-nicht/legal-pages`)).status).toBe(404);
  });

  it('When GET /healthz is called without detail, then it answers ok without a session; with ?detail but no session, then 401', async () => {
    expect(await (await fetch(`${server.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    const answer = await fetch(`${server.baseUrl}/healthz?detail`);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ code: 'AUTHENTICATION_REQUIRED' });
  });

  it('When staff who are not the admin write the legal pages, then 403 and nothing changes', async () => {
    const before = await publicPages('selfkant');
    const answer = await putPages(staff, COMPLETE_PAGES);
    expect(answer.status).toBe(403);
    expect(await publicPages('selfkant')).toEqual(before);
  });

  it('When the admin writes a javascript: link or HTML, then 422 INVALID_LEGAL_PAGES names the fields in German', async () => {
    const answer = await putPages(admin, { ...COMPLETE_PAGES, impressum: '[Klick](javascript:alert(1))', contact: '<script>alert(1)</script>' });
    expect(answer.status).toBe(422);
    const body = (await answer.json()) as { code: string; errors: { pointer: string; message: string }[] };
    expect(body.code).toBe('INVALID_LEGAL_PAGES');
    expect(body.errors).toContainEqual({ pointer: '/impressum', message: expect.stringContaining('erlaubt sind nur Adressen mit https://, mailto: oder tel:') });
    expect(body.errors).toContainEqual({ pointer: '/contact', message: expect.stringContaining('HTML ist nicht erlaubt') });
  });

  it('When the admin empties the Datenschutz parts, then the portal and /healthz?detail list them and enabling a service is refused with a German message', async () => {
    const saved = await putPages(admin, { ...COMPLETE_PAGES, privacyOfficer: '', privacySupervisory: '  ' });
    expect(saved.status).toBe(200);
    const missing = ['Datenschutz: Datenschutzbeauftragte oder Datenschutzbeauftragter', 'Datenschutz: Aufsichtsbehörde'];
    expect((await publicPages('selfkant')).missing).toEqual(missing);
    expect(await detail(staff)).toMatchObject({ status: 'incomplete', participant: 'selfkant', legalPages: { missing } });
    await completeLocalDetails(server, staff, 'testantrag');

    const refused = await enable(staff);
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { code: string; message: string; errors: { pointer: string; message: string }[] };
    expect(body.code).toBe('ENABLE_CHECKLIST_INCOMPLETE');
    expect(body.message).toMatch(/^Die Leistung kann erst angeboten werden, wenn die Checkliste vollständig ist\. Es fehlt: Datenschutzerklärung/);
    expect(body.errors).toEqual([{ pointer: '/checklist/legal.privacy', message: expect.stringMatching(/^Fehlt noch: Datenschutzerklärung des Portals/) }]);
    expect(await server.deps.storage.enablements.get('selfkant', 'testantrag')).toBeUndefined();
  });

  it('When the legal pages are complete again, then the checklist is complete and the service can be switched on and off', async () => {
    expect((await putPages(admin, COMPLETE_PAGES)).status).toBe(200);
    const entry = (await (await fetch(`${server.baseUrl}/api/v1/staff/catalogue/testantrag`, { headers: { cookie: staff.cookie } })).json()) as { checklist: { complete: boolean } };
    expect(entry.checklist.complete).toBe(true);
    expect((await enable(staff)).status).toBe(200);
    expect(await detail(staff)).toEqual({ status: 'ok', participant: 'selfkant', legalPages: { missing: [] }, services: [] });
    const event = (await server.deps.storage.audit.list({ tenant: 'selfkant', action: 'legal_pages.changed' }))[0];
    expect(event).toMatchObject({ actor: admin.user.id, subject: null });
    expect(JSON.stringify(event)).not.toContain('Selfkant');
  });

  it('When local details lose the address, then the catalogue entry shows what is missing, enabling is refused, and disabling still works', async () => {
    const { address: _address, ...withoutAddress } = COMPLETE_LOCAL_DETAILS;
    const saved = await fetch(`${server.baseUrl}/api/v1/staff/catalogue/testantrag/local-details`, { method: 'PUT', headers: staff.headers(), body: JSON.stringify(withoutAddress) });
    expect(saved.status).toBe(200);
    const entry = (await (await fetch(`${server.baseUrl}/api/v1/staff/catalogue/testantrag`, { headers: { cookie: staff.cookie } })).json()) as { checklist: { complete: boolean; items: { key: string; label: string; done: boolean }[] } };
    expect(entry.checklist.complete).toBe(false);
    expect(entry.checklist.items.filter((item) => !item.done)).toEqual([{ key: 'local.address', label: 'Anschrift der zuständigen Stelle', done: false }]);
    expect(await detail(staff)).toMatchObject({ status: 'incomplete', services: [{ service: 'testantrag', missing: ['Anschrift der zuständigen Stelle'] }] });
    const refused = await enable(staff);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: 'ENABLE_CHECKLIST_INCOMPLETE', errors: [{ pointer: '/checklist/local.address', message: 'Fehlt noch: Anschrift der zuständigen Stelle.' }] });
    expect((await enable(staff, false)).status).toBe(200);
  });

  it("When Gangelt's admin writes its pages with a tenant in the body, then only Gangelt's pages change", async () => {
    const selfkantBefore = await publicPages('selfkant');
    const answer = await putPages(gangeltAdmin, { ...COMPLETE_PAGES, impressum: 'Gemeinde Gangelt, Burgstraße 10', tenant: 'selfkant' });
    expect(answer.status).toBe(200);
    expect((await publicPages('gangelt')).impressum).toBe('Gemeinde Gangelt, Burgstraße 10');
    expect(await publicPages('selfkant')).toEqual(selfkantBefore);
  });

  it('When a served definition is read, then it carries the Art. 13 controller and officer from the legal pages', async () => {
    const served = (await (await fetch(`${server.baseUrl}/api/v1/tenants/erkelenz/services/testantrag`)).json()) as { privacyNotice: { controller: string; officer: string }; local: Record<string, unknown> };
    expect(served.privacyNotice.controller).toContain('Stadt Erkelenz');
    expect(served.privacyNotice.officer).toContain('datenschutzbeauftragte@erkelenz.example');
    expect(served.local).toMatchObject({ address: 'Rathaus Erkelenz\nJohannismarkt 17\n41812 Erkelenz' });
    expect(served.local).not.toHaveProperty('notificationEmail');
  });
});

describe('service information and the seeded demo portals (real catalogue)', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('When every seeded participant asks /healthz?detail, then its portal is complete (legal pages and local details of every offered service)', async () => {
    for (const participant of await server.deps.storage.participants.list()) {
      const session = await createStaffSession(server, participant.slug, 'staff');
      const detail = await (await fetch(`${server.baseUrl}/healthz?detail`, { headers: { cookie: session.cookie } })).json();
      expect(detail, participant.slug).toEqual({ status: 'ok', participant: participant.slug, legalPages: { missing: [] }, services: [] });
    }
  });

  it('When a fee has no Kreis amount, then enabling needs the local amount and the served definition shows it beside the Kreis defaults', async () => {
    const selfkant = await createStaffSession(server, 'selfkant', 'staff');
    const enable = () =>
      fetch(`${server.baseUrl}/api/v1/staff/enablements/wunschkennzeichen`, { method: 'PUT', headers: selfkant.headers(), body: JSON.stringify({ enabled: true, versionPolicy: '^1', agreedOn: '2026-12-01' }) });
    await completeLocalDetails(server, selfkant, 'wunschkennzeichen');
    const refused = await enable();
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      code: 'ENABLE_CHECKLIST_INCOMPLETE',
      errors: [{ pointer: '/checklist/fee.wunschkennzeichen', message: 'Fehlt noch: Gebühr vor Ort: Reservierung und Zuteilung eines Wunschkennzeichens.' }],
    });
    await completeLocalDetails(server, selfkant, 'wunschkennzeichen', { wunschkennzeichen: '12,80 Euro' });
    expect((await enable()).status).toBe(200);
    const served = (await (await fetch(`${server.baseUrl}/api/v1/tenants/selfkant/services/wunschkennzeichen`)).json()) as {
      version: string;
      fees: unknown[];
      serviceInfo: { documents: string[]; processingTime: string; privacy: { purposes: string[] } };
      source?: unknown;
    };
    expect(served.version).toBe('1.0.2');
    expect(served.fees).toEqual([{ key: 'wunschkennzeichen', label: 'Reservierung und Zuteilung eines Wunschkennzeichens', amount: '12,80 Euro', note: null }]);
    expect(served.serviceInfo.documents.length).toBeGreaterThan(0);
    expect(served.serviceInfo.privacy.purposes).toContain('Reservierung des gewünschten Kennzeichens');
    expect(served).not.toHaveProperty('source');
  });

  it('When a service has a LeiKa key, then its definition cites a public source for it', async () => {
    for (const id of await server.deps.storage.formVersions.listServiceIds()) {
      const versions = await server.deps.storage.formVersions.listVersions(id);
      for (const version of versions) {
        const { definition } = (await server.deps.storage.formVersions.get(id, version))!;
        if (!definition.leikaKey || !definition.serviceInfo) continue;
        expect(definition.source?.leika?.citations.length, `${id}@${version}`).toBeGreaterThan(0);
      }
    }
  });
});
