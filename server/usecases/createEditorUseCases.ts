import { createHash } from 'node:crypto';
import semver from 'semver';
import {
  canonicalJson,
  checkDefinition,
  checkVersionBump,
  diffDefinitions,
  requiredBump,
  todayInGermany,
  type DefinitionChange,
  type FormDefinition,
} from '../../engine/index.ts';
import { describeChangeInGerman, describeChangeKindInGerman, describeProblemInGerman } from '../../engine/german/index.ts';
import { createHttpError } from '../errors.ts';
import type { EditorDraft, EditorDraftRepository } from '../storage/EditorDraftRepository.ts';
import type { Storage } from '../storage/Storage.ts';
import type { StaffUser } from '../storage/UserRepository.ts';
import { assertKreisEditor, KREIS_TENANT } from './assertKreisEditor.ts';
import type { DraftSummary, ServiceSummary, DefinitionCheck } from '../../contract/staffApi.ts';
export type { VersionSummary, DraftSummary, ServiceSummary, DefinitionCheck } from '../../contract/staffApi.ts';

export interface EditorDeps {
  storage: Pick<Storage, 'formVersions' | 'audit'> & { editorDrafts: EditorDraftRepository };
  now: () => Date;
}

const SERVICE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function summarizeDraft(draft: EditorDraft): DraftSummary {
  const version = draft.definition.version;
  return {
    version: typeof version === 'string' ? version : null,
    revision: draft.revision,
    baseVersion: draft.baseVersion,
    updatedAt: draft.updatedAt,
    updatedBy: draft.updatedBy,
  };
}

/** A definition skeleton for a new service; the editor fills in fields, description and changelog. */
function createSkeleton(id: string, title: string, today: string): Record<string, unknown> {
  return {
    id,
    version: '1.0.0',
    title,
    description: '',
    lead: { kind: 'kreis' },
    retentionDays: 365,
    schema: { type: 'object', additionalProperties: false, properties: {} },
    uiSchema: {},
    changelog: { date: today, summary: 'Erste Fassung' },
  };
}

/**
 * The visual editor's use cases for Kreis editors: services and their published versions, one shared draft per
 * service (optimistic concurrency by revision), definition checks with the diff against the latest published
 * version, and publishing (immutable; refused when the version is not greater than all published or its bump is
 * smaller than the changes require).
 */
export function createEditorUseCases(deps: EditorDeps) {
  const { storage } = deps;

  async function listPublished(id: string): Promise<{ version: string; definition: FormDefinition; publishedAt: string }[]> {
    const versions = (await storage.formVersions.listVersions(id)).filter((version) => semver.valid(version)).sort(semver.rcompare);
    const published = await Promise.all(versions.map((version) => storage.formVersions.get(id, version)));
    return published.flatMap((entry) => (entry ? [{ version: entry.version, definition: entry.definition, publishedAt: entry.publishedAt }] : []));
  }

  async function summarize(id: string, draft: EditorDraft | undefined): Promise<ServiceSummary | undefined> {
    const published = await listPublished(id);
    const latest = published[0]?.definition;
    const source = (latest as Record<string, unknown> | undefined) ?? draft?.definition;
    if (!source) return undefined;
    return {
      id,
      title: typeof source.title === 'string' ? source.title : id,
      lead: source.lead ?? null,
      latestVersion: published[0]?.version ?? null,
      versions: published.map((entry) => ({ version: entry.version, publishedAt: entry.publishedAt, changelog: entry.definition.changelog })),
      draft: draft ? summarizeDraft(draft) : null,
    };
  }

  async function check(id: string | undefined, definition: unknown): Promise<DefinitionCheck> {
    const problems = checkDefinition(definition);
    const result: DefinitionCheck = { problems, previousVersion: null, changes: [], requiredBump: null, versionProblems: [], suggestedVersion: null };
    if (!id || !isRecord(definition)) return result;
    if (definition.id !== id) {
      problems.push({ pointer: '/id', code: 'id-mismatch', message: `The definition's id must be "${id}".` });
    }
    const [latest] = await listPublished(id);
    const version = typeof definition.version === 'string' ? definition.version : '';
    if (!latest) {
      result.suggestedVersion = '1.0.0';
      return result;
    }
    result.previousVersion = latest.version;
    if (problems.length === 0) {
      result.changes = diffDefinitions(latest.definition, definition as unknown as FormDefinition);
      result.requiredBump = requiredBump(result.changes);
      result.suggestedVersion = semver.inc(latest.version, result.requiredBump);
    }
    if (!semver.valid(version) || !semver.gt(version, latest.version)) {
      result.versionProblems.push({
        pointer: '/version',
        code: 'version-not-greater',
        message: `Version ${version || '(none)'} must be greater than every published version (latest: ${latest.version}).`,
      });
    } else if (problems.length === 0) {
      result.versionProblems.push(...checkVersionBump(latest.definition, definition as unknown as FormDefinition));
    }
    return result;
  }

  async function requireDraft(id: string): Promise<EditorDraft> {
    const draft = await storage.editorDrafts.get(id);
    if (!draft) throw createHttpError('DRAFT_NOT_FOUND');
    return draft;
  }

  return {
    /** All services (published or drafted) with versions and draft state, ordered by title. */
    async listServices(user: StaffUser): Promise<ServiceSummary[]> {
      assertKreisEditor(user);
      const drafts = new Map((await storage.editorDrafts.list()).map((draft) => [draft.serviceId, draft]));
      const ids = new Set([...(await storage.formVersions.listServiceIds()), ...drafts.keys()]);
      const services = await Promise.all([...ids].map((id) => summarize(id, drafts.get(id))));
      return services.filter((service): service is ServiceSummary => service !== undefined).sort((a, b) => a.title.localeCompare(b.title, 'de'));
    },

    async getService(user: StaffUser, id: string): Promise<ServiceSummary> {
      assertKreisEditor(user);
      const service = await summarize(id, await storage.editorDrafts.get(id));
      if (!service) throw createHttpError('NOT_FOUND');
      return service;
    },

    async getVersion(user: StaffUser, id: string, version: string): Promise<FormDefinition> {
      assertKreisEditor(user);
      const published = await storage.formVersions.get(id, version);
      if (!published) throw createHttpError('FORM_VERSION_NOT_FOUND');
      return published.definition;
    },

    /** Creates a new service as a draft 1.0.0; 409 when the id is taken by a published service or a draft. */
    async createService(user: StaffUser, input: unknown): Promise<EditorDraft> {
      assertKreisEditor(user);
      const id = isRecord(input) ? input.id : undefined;
      const title = isRecord(input) ? input.title : undefined;
      const details = [];
      if (typeof id !== 'string' || !SERVICE_ID.test(id) || id.length < 3 || id.length > 64) {
        details.push({ pointer: '/id', message: 'Kennung: 3 bis 64 Zeichen, Kleinbuchstaben, Ziffern und Bindestriche (z. B. "sondernutzung-antrag").' });
      }
      if (typeof title !== 'string' || title.trim().length < 3 || title.length > 200) {
        details.push({ pointer: '/title', message: 'Titel: 3 bis 200 Zeichen.' });
      }
      if (details.length > 0 || typeof id !== 'string' || typeof title !== 'string') throw createHttpError('INVALID_BODY', details);
      if ((await storage.formVersions.listVersions(id)).length > 0) throw createHttpError('SERVICE_EXISTS');
      const now = deps.now();
      const draft = await storage.editorDrafts.create({
        serviceId: id,
        definition: createSkeleton(id, title.trim(), todayInGermany(now)),
        baseVersion: null,
        updatedAt: now.toISOString(),
        updatedBy: user.email,
      });
      if (!draft) throw createHttpError('SERVICE_EXISTS');
      return draft;
    },

    /** Starts a draft from the latest published version (next minor, today's changelog); returns an existing draft as is. */
    async startDraft(user: StaffUser, id: string): Promise<{ draft: EditorDraft; created: boolean }> {
      assertKreisEditor(user);
      const existing = await storage.editorDrafts.get(id);
      if (existing) return { draft: existing, created: false };
      const [latest] = await listPublished(id);
      if (!latest) throw createHttpError('NOT_FOUND');
      const now = deps.now();
      const definition: Record<string, unknown> = {
        ...structuredClone(latest.definition),
        version: semver.inc(latest.version, 'minor'),
        changelog: { date: todayInGermany(now), summary: '' },
      };
      const draft = await storage.editorDrafts.create({
        serviceId: id,
        definition,
        baseVersion: latest.version,
        updatedAt: now.toISOString(),
        updatedBy: user.email,
      });
      const current = draft ?? (await storage.editorDrafts.get(id));
      if (!current) throw createHttpError('DRAFT_NOT_FOUND');
      return { draft: current, created: draft !== undefined };
    },

    async getDraft(user: StaffUser, id: string): Promise<EditorDraft> {
      assertKreisEditor(user);
      return requireDraft(id);
    },

    /** Saves the draft when `revision` is the stored one; 409 DRAFT_CONFLICT (with the current revision) otherwise. */
    async saveDraft(user: StaffUser, id: string, input: unknown): Promise<EditorDraft> {
      assertKreisEditor(user);
      const definition = isRecord(input) ? input.definition : undefined;
      const revision = isRecord(input) ? input.revision : undefined;
      if (!isRecord(definition) || typeof revision !== 'number' || !Number.isInteger(revision)) {
        throw createHttpError('INVALID_BODY', [{ pointer: '', message: 'Expected { definition: object, revision: integer }.' }]);
      }
      const saved = await storage.editorDrafts.update(id, definition, revision, deps.now().toISOString(), user.email);
      if (saved) return saved;
      const current = await requireDraft(id);
      throw createHttpError('DRAFT_CONFLICT', [
        { pointer: '/revision', message: `The draft is at revision ${current.revision} (saved by ${current.updatedBy} at ${current.updatedAt}); reload it.` },
      ]);
    },

    async discardDraft(user: StaffUser, id: string, revision: number): Promise<void> {
      assertKreisEditor(user);
      if (!(await storage.editorDrafts.delete(id, revision))) {
        await requireDraft(id);
        throw createHttpError('DRAFT_CONFLICT');
      }
    },

    /** Checks a definition (meta-schema, safe-schema rules, steps) and, for a service, diffs it against the latest published version. */
    async checkDefinition(user: StaffUser, input: unknown): Promise<DefinitionCheck> {
      assertKreisEditor(user);
      if (!isRecord(input) || !('definition' in input)) throw createHttpError('INVALID_BODY', [{ pointer: '/definition', message: 'Expected { definition, serviceId? }.' }]);
      const serviceId = typeof input.serviceId === 'string' ? input.serviceId : undefined;
      return check(serviceId, input.definition);
    },

    /**
     * Publishes the saved draft at `revision` under its own version. Refused (422 PUBLISH_REFUSED, listing the
     * problems and changes) when the definition is invalid, its version is not greater than every published one or
     * its bump is smaller than the changes require. The published version is immutable; the draft is removed.
     */
    async publish(user: StaffUser, id: string, input: unknown): Promise<{ id: string; version: string; changes: DefinitionChange[] }> {
      assertKreisEditor(user);
      const revision = isRecord(input) ? input.revision : undefined;
      if (typeof revision !== 'number' || !Number.isInteger(revision)) {
        throw createHttpError('INVALID_BODY', [{ pointer: '/revision', message: 'Expected { revision: integer }.' }]);
      }
      const draft = await requireDraft(id);
      if (draft.revision !== revision) {
        throw createHttpError('DRAFT_CONFLICT', [{ pointer: '/revision', message: `The draft is at revision ${draft.revision}; reload it before publishing.` }]);
      }
      const result = await check(id, draft.definition);
      const refusals = [...result.problems, ...result.versionProblems];
      if (refusals.length > 0) {
        // The editor shows these details: German texts (describeProblemInGerman, describeChangeInGerman).
        const changeDetails = result.changes.map((change) => ({ pointer: change.pointer, message: `${describeChangeKindInGerman(change.kind)}: ${describeChangeInGerman(change)}` }));
        throw createHttpError(
          'PUBLISH_REFUSED',
          [...refusals.map((problem) => ({ pointer: problem.pointer, message: describeProblemInGerman(problem, draft.definition) })), ...changeDetails],
          result.requiredBump
            ? `Publishing was refused; the changes since ${result.previousVersion} require a ${result.requiredBump} version (at least ${result.suggestedVersion}).`
            : undefined,
        );
      }
      const definition = draft.definition as unknown as FormDefinition;
      const hash = `sha256:${createHash('sha256').update(canonicalJson(definition)).digest('hex')}`;
      const outcome = await storage.formVersions.publish({
        id,
        version: definition.version,
        definition,
        hash,
        publishedAt: deps.now().toISOString(),
        publishedBy: user.id,
      });
      if (outcome !== 'published') throw createHttpError('VERSION_EXISTS');
      await storage.editorDrafts.delete(id, draft.revision);
      await storage.audit.append({
        tenant: KREIS_TENANT,
        actor: user.id,
        action: 'service.published',
        subject: id,
        details: { version: definition.version, changes: result.changes.length, bump: result.requiredBump },
      });
      return { id, version: definition.version, changes: result.changes };
    },
  };
}

export type EditorUseCases = ReturnType<typeof createEditorUseCases>;
