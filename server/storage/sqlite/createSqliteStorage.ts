import type { Storage } from '../Storage.ts';
import { applyMigrations } from './applyMigrations.ts';
import { MIGRATIONS } from './migrations/MIGRATIONS.ts';
import { SqlAccessibilityFeedbackRepository } from '../sql/SqlAccessibilityFeedbackRepository.ts';
import { SqliteAgreementRepository } from './SqliteAgreementRepository.ts';
import { SqlCitizenDraftRepository } from '../sql/SqlCitizenDraftRepository.ts';
import { SqlAuditRepository } from '../sql/SqlAuditRepository.ts';
import { SqliteDatabase } from './SqliteDatabase.ts';
import { SqliteEditorDraftRepository } from './SqliteEditorDraftRepository.ts';
import { SqlLegalPagesRepository } from '../sql/SqlLegalPagesRepository.ts';
import { SqlLocalDetailsRepository } from '../sql/SqlLocalDetailsRepository.ts';
import { SqliteLoginThrottleRepository } from './SqliteLoginThrottleRepository.ts';
import { SqliteEnablementRepository } from './SqliteEnablementRepository.ts';
import { SqliteFormVersionRepository } from './SqliteFormVersionRepository.ts';
import { SqlParticipantRepository } from '../sql/SqlParticipantRepository.ts';
import { SqlitePaymentRepository } from './SqlitePaymentRepository.ts';
import { SqliteSessionRepository } from './SqliteSessionRepository.ts';
import { SqliteSubmissionRepository } from './SqliteSubmissionRepository.ts';
import { SqliteUserRepository } from './SqliteUserRepository.ts';
import { SqliteStaffAccountRepository } from './SqliteStaffAccountRepository.ts';
import { SqlAuditViewRepository } from '../sql/SqlAuditViewRepository.ts';
import { SqliteStatisticsRepository } from './SqliteStatisticsRepository.ts';
import { SqliteDeliveryChannelRepository } from './SqliteDeliveryChannelRepository.ts';
import { SqliteOutboxRepository } from './SqliteOutboxRepository.ts';
import { SqliteUploadRepository } from './SqliteUploadRepository.ts';
import { SqliteRateLimitRepository } from './SqliteRateLimitRepository.ts';
import { SqliteJobLeaseRepository } from './SqliteJobLeaseRepository.ts';

export interface SqliteStorage extends Storage {
  /** The underlying database, for repositories of other areas and for tests. */
  db: SqliteDatabase;
}

/**
 * Opens the SQLite file (creating it), applies pending migrations and composes the repositories.
 * Add a repository with one line in the object below (and its interface in ../Storage.ts).
 */
export async function createSqliteStorage(file: string, options: { maxCommitBatch?: number } = {}): Promise<SqliteStorage> {
  const db = await SqliteDatabase.open(file, { maxBatch: options.maxCommitBatch ?? 256 });
  try {
    await applyMigrations(db, MIGRATIONS);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return {
    db,
    participants: new SqlParticipantRepository(db),
    formVersions: new SqliteFormVersionRepository(db),
    enablements: new SqliteEnablementRepository(db),
    submissions: new SqliteSubmissionRepository(db),
    audit: new SqlAuditRepository(db),
    users: new SqliteUserRepository(db),
    sessions: new SqliteSessionRepository(db),
    agreement: new SqliteAgreementRepository(db),
    editorDrafts: new SqliteEditorDraftRepository(db),
    localDetails: new SqlLocalDetailsRepository(db),
    citizenDrafts: new SqlCitizenDraftRepository(db),
    accessibilityFeedback: new SqlAccessibilityFeedbackRepository(db),
    loginThrottle: new SqliteLoginThrottleRepository(db),
    staffAccounts: new SqliteStaffAccountRepository(db),
    auditView: new SqlAuditViewRepository(db),
    statistics: new SqliteStatisticsRepository(db),
    legalPages: new SqlLegalPagesRepository(db),
    deliveryChannels: new SqliteDeliveryChannelRepository(db),
    outbox: new SqliteOutboxRepository(db),
    uploads: new SqliteUploadRepository(db),
    payments: new SqlitePaymentRepository(db),
    rateLimits: new SqliteRateLimitRepository(db),
    jobLeases: new SqliteJobLeaseRepository(db),
    checkIntegrity: () => db.checkIntegrity(),
    close: () => db.close(),
  };
}
