import { importForeignForm, FOREIGN_FORM_KINDS, type ForeignFormKind, type ImportReportEntry } from '../../engine/import/importForeignForm.ts';
import { todayInGermany, type DefinitionProblem } from '../../engine/index.ts';
import { createHttpError } from '../errors.ts';
import type { EditorDraft } from '../storage/EditorDraftRepository.ts';
import type { StaffUser } from '../storage/UserRepository.ts';
import { assertKreisEditor } from './assertKreisEditor.ts';
import type { EditorDeps } from './createEditorUseCases.ts';

export interface ImportedDraft {
  draft: EditorDraft;
  kind: ForeignFormKind;
  /** What the import changed and left out, with source paths (German). */
  report: ImportReportEntry[];
  /** What checkDefinition still finds in the new draft. */
  problems: DefinitionProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Imports a form of another system (JSON Schema/rjsf/JSON Forms, DigiWF, Form.io, SurveyJS) as the draft of a new
 * service: `{ source, from?, id? }`. 422 IMPORT_REFUSED with the reason (e.g. a circular reference) when it cannot be
 * imported, 409 SERVICE_EXISTS when the id is taken by a published service or a draft.
 */
export async function importEditorDraft(deps: EditorDeps, user: StaffUser, input: unknown): Promise<ImportedDraft> {
  assertKreisEditor(user);
  const source = isRecord(input) ? input.source : undefined;
  const from = isRecord(input) ? input.from : undefined;
  const id = isRecord(input) ? input.id : undefined;
  const fileName = isRecord(input) ? input.fileName : undefined;
  const details = [];
  if (source === undefined) details.push({ pointer: '/source', message: 'Die Datei fehlt: ein Formular als JSON.' });
  if (from !== undefined && (typeof from !== 'string' || !(FOREIGN_FORM_KINDS as readonly string[]).includes(from))) {
    details.push({ pointer: '/from', message: `Quellart: ${FOREIGN_FORM_KINDS.join(', ')} oder leer (automatisch erkennen).` });
  }
  if (id !== undefined && typeof id !== 'string') details.push({ pointer: '/id', message: 'Kennung: Text.' });
  if (fileName !== undefined && (typeof fileName !== 'string' || fileName.length > 200)) details.push({ pointer: '/fileName', message: 'Dateiname: Text bis 200 Zeichen.' });
  if (details.length > 0) throw createHttpError('INVALID_BODY', details);
  const now = deps.now();
  const result = importForeignForm(source, {
    ...(typeof from === 'string' ? { from: from as ForeignFormKind } : {}),
    ...(typeof id === 'string' && id.trim() !== '' ? { id: id.trim() } : {}),
    today: todayInGermany(now),
    ...(typeof fileName === 'string' ? { sourceName: fileName.replace(/\.json$/i, '') } : {}),
  });
  if (!result.ok) {
    throw createHttpError('IMPORT_REFUSED', [{ pointer: result.code === 'IMPORT_BAD_ID' ? '/id' : result.path, message: result.message }]);
  }
  const { definition } = result;
  if ((await deps.storage.formVersions.listVersions(definition.id)).length > 0) throw createHttpError('SERVICE_EXISTS');
  const draft = await deps.storage.editorDrafts.create({
    serviceId: definition.id,
    definition: definition as unknown as Record<string, unknown>,
    baseVersion: null,
    updatedAt: now.toISOString(),
    updatedBy: user.email,
  });
  if (!draft) throw createHttpError('SERVICE_EXISTS');
  return { draft, kind: result.kind, report: result.report, problems: result.problems };
}
