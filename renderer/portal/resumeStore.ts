/** A draft resumed on the "fortsetzen" page, handed to the form page of its service (kept in memory only). */
export interface ResumedForm {
  tenant: string;
  service: string;
  data: Record<string, unknown>;
  migratedFrom?: string;
  droppedFields?: string[];
  /** After a cancelled or failed payment: open the review page with these answers. */
  startAtReview?: boolean;
}

let resumed: ResumedForm | undefined;

/** Keeps a resumed draft for the next form page of its service. */
export function setResumedForm(form: ResumedForm): void {
  resumed = form;
}

/** Takes (once) the resumed draft of a service, if the resume page left one. */
export function takeResumedForm(tenant: string, service: string): ResumedForm | undefined {
  if (!resumed || resumed.tenant !== tenant || resumed.service !== service) return undefined;
  const form = resumed;
  resumed = undefined;
  return form;
}
