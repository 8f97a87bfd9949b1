/** A report of an accessibility barrier, sent without an account. */
export interface AccessibilityFeedback {
  id: string;
  tenant: string;
  /** Where the barrier is (page or form), as the citizen described it; may be empty. */
  page: string;
  message: string;
  /** For an answer; null when the citizen gave none. */
  email: string | null;
  receivedAt: string;
}

/** Stored barrier reports per participant. */
export interface AccessibilityFeedbackRepository {
  create(feedback: AccessibilityFeedback): Promise<void>;
  listByTenant(tenant: string): Promise<AccessibilityFeedback[]>;
}
