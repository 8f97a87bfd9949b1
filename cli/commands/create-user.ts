import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { isParticipantSlug, PARTICIPANTS } from '../../engine/index.ts';
import { hashPassword } from '../../server/auth/hashPassword.ts';
import { loadConfig } from '../../server/loadConfig.ts';
import { createStorage } from '../../server/storage/createStorage.ts';
import type { StaffRole } from '../../server/storage/UserRepository.ts';

export const summary = 'Create a staff user: --tenant <slug> --email <address> --role staff|editor|admin (password from KREISFORM_PASSWORD or stdin)';

const ROLES: readonly StaffRole[] = ['staff', 'editor', 'admin'];
const MIN_PASSWORD_LENGTH = 12;

/**
 * Creates a staff user in DATA_DIR/kreisform.sqlite (migrating a new database first). The password comes from the
 * environment variable KREISFORM_PASSWORD or the first line of stdin; there is no default password.
 */
export async function run(args: string[]): Promise<number> {
  const options = parseOptions(args);
  if (typeof options === 'string') {
    console.error(`create-user: ${options}\nUsage: npm run forms -- create-user --tenant kreis-heinsberg --email a@b.de --role admin`);
    return 2;
  }
  const password = process.env.KREISFORM_PASSWORD || (await readFirstLine());
  if (!password || password.length < MIN_PASSWORD_LENGTH) {
    console.error(`create-user: the password (KREISFORM_PASSWORD or stdin) must have at least ${MIN_PASSWORD_LENGTH} characters.`);
    return 2;
  }
  const config = loadConfig();
  const storage = await createStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 2 });
  try {
    await storage.participants.seed(PARTICIPANTS);
    const user = {
      id: randomUUID(),
      tenant: options.tenant,
      email: options.email,
      role: options.role,
      disabled: false,
      createdAt: new Date().toISOString(),
      passwordHash: await hashPassword(password),
    };
    if ((await storage.users.create(user)) === 'exists') {
      console.error(`create-user: a user with this e-mail address already exists.`);
      return 1;
    }
    await storage.audit.append({ tenant: user.tenant, actor: 'cli', action: 'user.created', subject: user.id, details: { role: user.role } });
    console.log(`Created ${user.role} ${user.email} for ${user.tenant} (id ${user.id}).`);
    return 0;
  } finally {
    await storage.close();
  }
}

function parseOptions(args: string[]): { tenant: string; email: string; role: StaffRole } | string {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = args[i + 1];
    if (!name?.startsWith('--') || value === undefined) return `unexpected argument "${name ?? ''}"`;
    values[name.slice(2)] = value;
  }
  const { tenant, email, role } = values;
  if (!isParticipantSlug(tenant)) return `--tenant must be one of ${PARTICIPANTS.map((p) => p.slug).join(', ')}`;
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 320) return '--email must be an e-mail address';
  if (!role || !(ROLES as readonly string[]).includes(role)) return `--role must be one of ${ROLES.join(', ')}`;
  return { tenant, email, role: role as StaffRole };
}

async function readFirstLine(): Promise<string | undefined> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return undefined;
}
