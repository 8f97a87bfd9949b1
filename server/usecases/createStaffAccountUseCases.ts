import { randomInt, randomUUID } from 'node:crypto';
import { isIsoDate } from '../../engine/isIsoDate.ts';
import type { AppDeps } from '../AppDeps.ts';
import { hashPassword } from '../auth/hashPassword.ts';
import { buildTotpUri, createTotpSecret, verifyTotpCode } from '../auth/totp.ts';
import { verifyPassword } from '../auth/verifyPassword.ts';
import { getStartOfDayInGermany } from '../domain/getStartOfDayInGermany.ts';
import { createHttpError } from '../errors.ts';
import type { StaffContext } from '../middleware/getStaffContext.ts';
import type { AuditEvent } from '../storage/AuditRepository.ts';
import type { StaffRole, StaffUser } from '../storage/UserRepository.ts';
import { KREIS_TENANT } from './assertKreisEditor.ts';

/** A staff user as admins see it (never the password hash or the TOTP secret). */
export interface StaffAccount {
  id: string;
  email: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: string;
  mustChangePassword: boolean;
  totpEnabled: boolean;
}

/** One line of the audit view: who did what when, on which id; details only as ids, codes and counts. */
export interface AuditViewEntry {
  seq: number;
  at: string;
  actor: string;
  /** E-mail address of the acting staff user of this participant, or null (system jobs, citizens' actions). */
  actorEmail: string | null;
  action: string;
  subject: string | null;
  details: Record<string, string | number | boolean>;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,250}\.[^\s@]{2,63}$/;
const OTP_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const PAGE_SIZE = 50;
const SAFE_DETAIL = /^[A-Za-z0-9_.:@^~+-]{0,80}$/;

/** The roles a participant's admin may give: editors exist only at the Kreis, which authors the services. */
export function assignableRoles(tenant: string): StaffRole[] {
  return tenant === KREIS_TENANT ? ['staff', 'editor', 'admin'] : ['staff', 'admin'];
}

/** A one-time password of 4 groups of 4 unambiguous characters (about 93 bits), shown once to the admin. */
export function createOneTimePassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < 4; group++) {
    let part = '';
    for (let i = 0; i < 4; i++) part += OTP_ALPHABET[randomInt(OTP_ALPHABET.length)];
    groups.push(part);
  }
  return groups.join('-');
}

function toAccount(user: StaffUser): StaffAccount {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt,
    mustChangePassword: user.mustChangePassword === true,
    totpEnabled: user.totpEnabled === true,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only scalar ids, codes and counts leave the audit trail; free text (e.g. an erasure reason) stays out. */
function safeDetails(details: Record<string, unknown>): Record<string, string | number | boolean> {
  const safe: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'number' || typeof value === 'boolean') safe[key] = value;
    else if (typeof value === 'string' && SAFE_DETAIL.test(value)) safe[key] = value;
  }
  return safe;
}

/**
 * Staff management (issue 14): a participant's admins manage their own participant's users (a foreign id answers
 * 404 USER_NOT_FOUND exactly like a missing one), every user manages their own password and second factor, and
 * admins read their participant's audit trail. Every change is audited in the same transaction.
 */
export function createStaffAccountUseCases(deps: AppDeps) {
  const accounts = deps.storage.staffAccounts;

  async function requireUser(admin: StaffUser, id: string): Promise<StaffUser> {
    const user = await accounts.getInTenant(admin.tenant, id);
    if (!user) throw createHttpError('USER_NOT_FOUND');
    return user;
  }

  function readRole(admin: StaffUser, value: unknown): StaffRole {
    if (typeof value !== 'string' || !(assignableRoles(admin.tenant) as string[]).includes(value)) {
      throw createHttpError('INVALID_USER', [{ pointer: '/role', message: `Erlaubte Rollen: ${assignableRoles(admin.tenant).join(', ')}.` }]);
    }
    return value as StaffRole;
  }

  function checkNewPassword(password: unknown): string {
    if (typeof password !== 'string' || [...password].length < 12 || password.length > 1024) throw createHttpError('WEAK_PASSWORD');
    return password;
  }

  return {
    async list(admin: StaffUser): Promise<{ users: StaffAccount[]; roles: StaffRole[] }> {
      const users = await deps.storage.users.listByTenant(admin.tenant);
      return { users: users.map(toAccount), roles: assignableRoles(admin.tenant) };
    },

    async get(admin: StaffUser, id: string): Promise<StaffAccount> {
      return toAccount(await requireUser(admin, id));
    },

    /** Creates a user of the admin's participant with a one-time password, returned once and never stored in clear. */
    async create(admin: StaffUser, body: unknown): Promise<{ user: StaffAccount; oneTimePassword: string }> {
      if (!isRecord(body)) throw createHttpError('INVALID_BODY');
      const email = typeof body.email === 'string' ? body.email.trim() : '';
      if (!EMAIL.test(email) || email.length > 320) {
        throw createHttpError('INVALID_USER', [{ pointer: '/email', message: 'Bitte eine gültige E-Mail-Adresse angeben.' }]);
      }
      const role = readRole(admin, body.role);
      const oneTimePassword = createOneTimePassword();
      const user: StaffUser = { id: randomUUID(), tenant: admin.tenant, email, role, disabled: false, createdAt: deps.now().toISOString() };
      const outcome = await accounts.create(
        { ...user, passwordHash: await hashPassword(oneTimePassword), mustChangePassword: true },
        { tenant: admin.tenant, actor: admin.id, action: 'staff.user_created', subject: user.id, details: { role } },
      );
      if (outcome === 'exists') throw createHttpError('USER_EXISTS');
      return { user: toAccount({ ...user, mustChangePassword: true, totpEnabled: false }), oneTimePassword };
    },

    /** Sets role and/or active state; deactivation ends the user's sessions at once. Not for the admin's own account. */
    async update(admin: StaffUser, id: string, body: unknown): Promise<StaffAccount> {
      if (!isRecord(body)) throw createHttpError('INVALID_BODY');
      const target = await requireUser(admin, id);
      const change: { role?: StaffRole; disabled?: boolean } = {};
      if (body.role !== undefined) change.role = readRole(admin, body.role);
      if (body.disabled !== undefined) {
        if (typeof body.disabled !== 'boolean') throw createHttpError('INVALID_USER', [{ pointer: '/disabled', message: 'true oder false.' }]);
        change.disabled = body.disabled;
      }
      if (change.role === undefined && change.disabled === undefined) throw createHttpError('INVALID_USER', [{ pointer: '', message: 'Rolle oder Status angeben.' }]);
      if (target.id === admin.id && ((change.role !== undefined && change.role !== admin.role) || change.disabled === true)) {
        throw createHttpError('OWN_ACCOUNT_CHANGE_REFUSED');
      }
      const action = change.disabled === true ? 'staff.user_deactivated' : change.disabled === false ? 'staff.user_reactivated' : 'staff.user_role_changed';
      const details: Record<string, unknown> = {};
      if (change.role !== undefined) details.role = change.role;
      const updated = await accounts.update(admin.tenant, id, change, { tenant: admin.tenant, actor: admin.id, action, subject: id, details });
      if (!updated) throw createHttpError('USER_NOT_FOUND');
      return toAccount(updated);
    },

    /** A new one-time password for the user (shown once); the user's sessions end. */
    async resetPassword(admin: StaffUser, id: string): Promise<{ oneTimePassword: string }> {
      const target = await requireUser(admin, id);
      if (target.id === admin.id) throw createHttpError('OWN_ACCOUNT_CHANGE_REFUSED');
      const oneTimePassword = createOneTimePassword();
      const done = await accounts.resetPassword(admin.tenant, id, await hashPassword(oneTimePassword), {
        tenant: admin.tenant,
        actor: admin.id,
        action: 'staff.password_reset',
        subject: id,
      });
      if (!done) throw createHttpError('USER_NOT_FOUND');
      return { oneTimePassword };
    },

    /** Removes a user's second factor (lost device); the user sets it up again at the next sign-in if required. */
    async resetTotp(admin: StaffUser, id: string): Promise<void> {
      await requireUser(admin, id);
      const done = await accounts.disableTotp(admin.tenant, id, { tenant: admin.tenant, actor: admin.id, action: 'staff.totp_reset', subject: id });
      if (!done) throw createHttpError('USER_NOT_FOUND');
    },

    /** The signed-in user's own new password; other sessions of the user end, this one stays. */
    async changeOwnPassword(context: StaffContext, body: unknown): Promise<void> {
      if (!isRecord(body)) throw createHttpError('INVALID_BODY');
      const { user, session } = context;
      const current = typeof body.currentPassword === 'string' ? body.currentPassword : '';
      if (current.length > 1024 || !(await verifyPassword(current, await accounts.getPasswordHash(user.id)))) throw createHttpError('CURRENT_PASSWORD_WRONG');
      const next = checkNewPassword(body.newPassword);
      if (next === current) throw createHttpError('WEAK_PASSWORD');
      await accounts.changeOwnPassword(user.id, await hashPassword(next), session.tokenHash, {
        tenant: user.tenant,
        actor: user.id,
        action: 'staff.password_changed',
        subject: user.id,
      });
    },

    /** Starts (or restarts) enrolment: a new secret, shown once as text and as otpauth URI; active after a correct code. */
    async startTotpEnrolment(user: StaffUser): Promise<{ secret: string; uri: string }> {
      const totp = await accounts.getTotp(user.id);
      if (totp?.enabled) throw createHttpError('TOTP_ALREADY_ENABLED');
      const secret = await createTotpSecret();
      await accounts.setPendingTotp(user.id, secret);
      return { secret, uri: await buildTotpUri(user.email, secret) };
    },

    async activateTotp(user: StaffUser, body: unknown): Promise<void> {
      const totp = await accounts.getTotp(user.id);
      if (totp?.enabled) throw createHttpError('TOTP_ALREADY_ENABLED');
      const code = isRecord(body) ? body.code : undefined;
      const step = totp?.secret ? await verifyTotpCode(totp.secret, code, deps.now(), null) : undefined;
      if (step === undefined) throw createHttpError('TOTP_INVALID');
      await accounts.enableTotp(user.id, step, { tenant: user.tenant, actor: user.id, action: 'staff.totp_enabled', subject: user.id });
    },

    async disableOwnTotp(user: StaffUser, body: unknown): Promise<void> {
      if (deps.config.requireTotpFor.includes(user.role)) throw createHttpError('TOTP_REQUIRED_BY_POLICY');
      const password = isRecord(body) && typeof body.currentPassword === 'string' ? body.currentPassword : '';
      if (password.length > 1024 || !(await verifyPassword(password, await accounts.getPasswordHash(user.id)))) throw createHttpError('CURRENT_PASSWORD_WRONG');
      await accounts.disableTotp(user.tenant, user.id, { tenant: user.tenant, actor: user.id, action: 'staff.totp_disabled', subject: user.id });
    },

    /**
     * A page of the participant's audit trail, newest first: filter by user id, action and German calendar days
     * (from/to inclusive). Details carry only ids, codes and counts.
     */
    async audit(admin: StaffUser, query: Record<string, unknown>): Promise<{
      entries: AuditViewEntry[];
      total: number;
      page: number;
      pageSize: number;
      actions: string[];
      users: { id: string; email: string }[];
    }> {
      const text = (name: string): string | undefined => {
        const value = query[name];
        if (value === undefined || value === '') return undefined;
        if (typeof value !== 'string' || value.length > 200) throw createHttpError('INVALID_QUERY', [{ pointer: `/${name}`, message: 'Ungültiger Wert.' }]);
        return value;
      };
      const day = (name: string): string | undefined => {
        const value = text(name);
        if (value !== undefined && !isIsoDate(value)) throw createHttpError('INVALID_QUERY', [{ pointer: `/${name}`, message: 'Datum als JJJJ-MM-TT.' }]);
        return value;
      };
      const pageText = text('page') ?? '1';
      if (!/^[0-9]{1,6}$/.test(pageText) || Number(pageText) < 1) throw createHttpError('INVALID_QUERY', [{ pointer: '/page', message: 'Seite ab 1.' }]);
      const page = Number(pageText);
      const from = day('from');
      const to = day('to');
      const nextDay = to && new Date(Date.parse(`${to}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const users = await deps.storage.users.listByTenant(admin.tenant);
      const emails = new Map(users.map((user) => [user.id, user.email]));
      const result = await deps.storage.auditView.search({
        tenant: admin.tenant,
        actor: text('user'),
        action: text('action'),
        from: from && getStartOfDayInGermany(from),
        to: nextDay && getStartOfDayInGermany(nextDay),
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      return {
        entries: result.events.map((event: AuditEvent) => ({
          seq: event.seq,
          at: event.at,
          actor: event.actor,
          actorEmail: emails.get(event.actor) ?? null,
          action: event.action,
          subject: event.subject,
          details: safeDetails(event.details),
        })),
        total: result.total,
        page,
        pageSize: PAGE_SIZE,
        actions: await deps.storage.auditView.listActions(admin.tenant),
        users: users.map((user) => ({ id: user.id, email: user.email })),
      };
    },
  };
}
