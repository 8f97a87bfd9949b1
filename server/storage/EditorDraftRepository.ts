import type { EditorDraft } from '../../contract/staffApi.ts';
export type { EditorDraft } from '../../contract/staffApi.ts';

/** Drafts of the visual editor. */
export interface EditorDraftRepository {
  get(serviceId: string): Promise<EditorDraft | undefined>;
  list(): Promise<EditorDraft[]>;
  /** Creates revision 1 of a draft; undefined when the service already has a draft. */
  create(draft: Omit<EditorDraft, 'revision'>): Promise<EditorDraft | undefined>;
  /**
   * Saves new content if the stored revision is still `expectedRevision` (compare-and-set); the saved draft, or
   * undefined when another save came first or the draft is gone.
   */
  update(serviceId: string, definition: Record<string, unknown>, expectedRevision: number, updatedAt: string, updatedBy: string): Promise<EditorDraft | undefined>;
  /** Removes the draft if it still has `expectedRevision`; whether it was removed. */
  delete(serviceId: string, expectedRevision: number): Promise<boolean>;
}
