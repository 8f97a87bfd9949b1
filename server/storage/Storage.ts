import type { AccessibilityFeedbackRepository } from './AccessibilityFeedbackRepository.ts';
import type { AgreementRepository } from './AgreementRepository.ts';
import type { CitizenDraftRepository } from './CitizenDraftRepository.ts';
import type { AuditRepository } from './AuditRepository.ts';
import type { EditorDraftRepository } from './EditorDraftRepository.ts';
import type { EnablementRepository } from './EnablementRepository.ts';
import type { FormVersionRepository } from './FormVersionRepository.ts';
import type { LegalPagesRepository } from './LegalPagesRepository.ts';
import type { LocalDetailsRepository } from './LocalDetailsRepository.ts';
import type { LoginThrottleRepository } from './LoginThrottleRepository.ts';
import type { ParticipantRepository } from './ParticipantRepository.ts';
import type { PaymentRepository } from './PaymentRepository.ts';
import type { SessionRepository } from './SessionRepository.ts';
import type { SubmissionRepository } from './SubmissionRepository.ts';
import type { UploadRepository } from './UploadRepository.ts';
import type { UserRepository } from './UserRepository.ts';
import type { StaffAccountRepository } from './StaffAccountRepository.ts';
import type { AuditViewRepository } from './AuditViewRepository.ts';
import type { StatisticsRepository } from './StatisticsRepository.ts';
import type { DeliveryChannelRepository } from './DeliveryChannelRepository.ts';
import type { OutboxRepository } from './OutboxRepository.ts';
import type { RateLimitRepository } from './RateLimitRepository.ts';
import type { JobLeaseRepository } from './JobLeaseRepository.ts';

/**
 * All repositories of the server, composed into one object passed to createApp. Routes and use cases see only these
 * interfaces; server/storage/createStorage.ts picks the backend: sqlite/createSqliteStorage.ts or
 * postgres/createPostgresStorage.ts, both using the shared repositories of sql/ where the SQL is the same. Add a
 * repository with one line here and one in each composition.
 */
export interface Storage {
  participants: ParticipantRepository;
  formVersions: FormVersionRepository;
  enablements: EnablementRepository;
  submissions: SubmissionRepository;
  audit: AuditRepository;
  users: UserRepository;
  sessions: SessionRepository;
  agreement: AgreementRepository;
  editorDrafts: EditorDraftRepository;
  localDetails: LocalDetailsRepository;
  citizenDrafts: CitizenDraftRepository;
  accessibilityFeedback: AccessibilityFeedbackRepository;
  loginThrottle: LoginThrottleRepository;
  staffAccounts: StaffAccountRepository;
  auditView: AuditViewRepository;
  statistics: StatisticsRepository;
  legalPages: LegalPagesRepository;
  deliveryChannels: DeliveryChannelRepository;
  outbox: OutboxRepository;
  uploads: UploadRepository;
  payments: PaymentRepository;
  rateLimits: RateLimitRepository;
  jobLeases: JobLeaseRepository;
  /** 'ok' when the database is sound (PRAGMA integrity_check for SQLite). */
  checkIntegrity(): Promise<string>;
  /** Waits for pending writes and closes the database. */
  close(): Promise<void>;
}
