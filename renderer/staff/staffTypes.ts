/** Shapes of the staff API's answers (see server/usecases/createEditorUseCases.ts and createOfferingUseCases.ts). */
export interface ChangelogEntry {
  date: string;
  summary: string;
}

export interface VersionSummary {
  version: string;
  publishedAt: string;
  changelog: ChangelogEntry;
}

export interface ServiceSummary {
  id: string;
  title: string;
  lead: unknown;
  latestVersion: string | null;
  versions: VersionSummary[];
  draft: { version: string | null; revision: number; baseVersion: string | null; updatedAt: string; updatedBy: string } | null;
}

export interface Draft {
  serviceId: string;
  definition: Record<string, unknown>;
  revision: number;
  baseVersion: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface Problem {
  pointer: string;
  code: string;
  message: string;
}

export interface DefinitionChange {
  kind: 'breaking' | 'compatible';
  pointer: string;
  description: string;
}

export interface DefinitionCheck {
  problems: Problem[];
  previousVersion: string | null;
  changes: DefinitionChange[];
  requiredBump: 'major' | 'minor' | 'patch' | null;
  versionProblems: Problem[];
  suggestedVersion: string | null;
}

export interface LocalDetails {
  office: string;
  contact: string;
  phone: string;
  email: string;
  notificationEmail: string;
  openingHours: string;
}

export interface CatalogueEntry {
  id: string;
  title: string;
  description: string;
  category: string | null;
  lead: unknown;
  latestVersion: string;
  versions: VersionSummary[];
  offeredBy: string[];
  own: { enabled: boolean; versionPolicy: string; agreedOn: string; servedVersion: string | null } | null;
  newerMajor: VersionSummary | null;
  local: LocalDetails | null;
  newerMajorChanges?: DefinitionChange[];
}
