import type { Storage } from '../Storage.ts';
import { applyPostgresMigrations } from './applyPostgresMigrations.ts';
import { POSTGRES_MIGRATIONS } from './migrations/POSTGRES_MIGRATIONS.ts';
import { PostgresDatabase } from './PostgresDatabase.ts';
import { SqlParticipantRepository } from '../sql/SqlParticipantRepository.ts';
import { PostgresRateLimitRepository } from './PostgresRateLimitRepository.ts';
import { PostgresJobLeaseRepository } from './PostgresJobLeaseRepository.ts';
import { PostgresDeliveryChannelRepository } from './PostgresDeliveryChannelRepository.ts';
import { PostgresOutboxRepository } from './PostgresOutboxRepository.ts';
import { PostgresPaymentRepository } from './PostgresPaymentRepository.ts';
import { PostgresSubmissionRepository } from './PostgresSubmissionRepository.ts';
import { PostgresUploadRepository } from './PostgresUploadRepository.ts';
import { PostgresFormVersionRepository } from './PostgresFormVersionRepository.ts';
import { PostgresEnablementRepository } from './PostgresEnablementRepository.ts';
import { SqlAuditRepository } from '../sql/SqlAuditRepository.ts';
import { PostgresUserRepository } from './PostgresUserRepository.ts';
import { PostgresSessionRepository } from './PostgresSessionRepository.ts';
import { PostgresAgreementRepository } from './PostgresAgreementRepository.ts';
import { PostgresEditorDraftRepository } from './PostgresEditorDraftRepository.ts';
import { SqlLocalDetailsRepository } from '../sql/SqlLocalDetailsRepository.ts';
import { SqlCitizenDraftRepository } from '../sql/SqlCitizenDraftRepository.ts';
import { SqlAccessibilityFeedbackRepository } from '../sql/SqlAccessibilityFeedbackRepository.ts';
import { PostgresLoginThrottleRepository } from './PostgresLoginThrottleRepository.ts';
import { PostgresStaffAccountRepository } from './PostgresStaffAccountRepository.ts';
import { SqlAuditViewRepository } from '../sql/SqlAuditViewRepository.ts';
import { PostgresStatisticsRepository } from './PostgresStatisticsRepository.ts';
import { SqlLegalPagesRepository } from '../sql/SqlLegalPagesRepository.ts';

export interface PostgresStorage extends Storage {
  /** The underlying pool, for tests and the migration tool. */
  db: PostgresDatabase;
}

type Repositories = Omit<Storage, 'checkIntegrity' | 'close'>;

/** How each repository is built on the pool; add a repository with one line. */
const REPOSITORIES: { [K in keyof Repositories]: (db: PostgresDatabase) => Repositories[K] } = {
  participants: (db) => new SqlParticipantRepository(db),
  rateLimits: (db) => new PostgresRateLimitRepository(db),
  jobLeases: (db) => new PostgresJobLeaseRepository(db),
  submissions: (db) => new PostgresSubmissionRepository(db),
  uploads: (db) => new PostgresUploadRepository(db),
  outbox: (db) => new PostgresOutboxRepository(db),
  deliveryChannels: (db) => new PostgresDeliveryChannelRepository(db),
  payments: (db) => new PostgresPaymentRepository(db),
  formVersions: (db) => new PostgresFormVersionRepository(db),
  enablements: (db) => new PostgresEnablementRepository(db),
  audit: (db) => new SqlAuditRepository(db),
  users: (db) => new PostgresUserRepository(db),
  sessions: (db) => new PostgresSessionRepository(db),
  agreement: (db) => new PostgresAgreementRepository(db),
  editorDrafts: (db) => new PostgresEditorDraftRepository(db),
  localDetails: (db) => new SqlLocalDetailsRepository(db),
  citizenDrafts: (db) => new SqlCitizenDraftRepository(db),
  accessibilityFeedback: (db) => new SqlAccessibilityFeedbackRepository(db),
  loginThrottle: (db) => new PostgresLoginThrottleRepository(db),
  staffAccounts: (db) => new PostgresStaffAccountRepository(db),
  auditView: (db) => new SqlAuditViewRepository(db),
  statistics: (db) => new PostgresStatisticsRepository(db),
  legalPages: (db) => new SqlLegalPagesRepository(db),
};

/**
 * Connects to the PostgreSQL database at `url`, applies pending migrations (once, also when several processes start
 * together) and composes the repositories.
 */
export async function createPostgresStorage(url: string, options: { maxConnections?: number } = {}): Promise<PostgresStorage> {
  const db = await PostgresDatabase.open(url, options);
  try {
    await applyPostgresMigrations(db, POSTGRES_MIGRATIONS);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  const repositories = Object.fromEntries(
    Object.entries(REPOSITORIES).map(([name, create]) => [name, (create as (db: PostgresDatabase) => unknown)(db)]),
  ) as Repositories;
  return { ...repositories, db, checkIntegrity: () => db.checkIntegrity(), close: () => db.close() };
}
