import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresCluster {
  /** Superuser URL of the `postgres` database over the cluster's unix socket. */
  url: string;
  /** Stops the server and removes its directory. */
  stop(): void;
}

/** The newest installed Debian PostgreSQL's bin directory, or undefined. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/**
 * Starts a throwaway PostgreSQL cluster: initdb into a temp directory, the server listening only on a unix socket in
 * that directory (no TCP port), fsync on as in production. initdb and postgres refuse to run as root, so as root the
 * directory is handed to the `postgres` user and the binaries run as that user.
 */
export function startPostgresCluster(): PostgresCluster {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql): the tests run on SQLite and PostgreSQL');
  const dir = mkdtempSync(join(tmpdir(), 'kreisform-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const run = (args: string[]) => {
    const command = [join(bin, args[0]!), ...args.slice(1)];
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', ...command], { stdio: 'pipe' });
    else execFileSync(command[0]!, command.slice(1), { stdio: 'pipe' });
  };
  const data = join(dir, 'data');
  run(['initdb', '-D', data, '-A', 'trust', '-U', 'kreisform', '--no-sync', '-E', 'UTF8', '--locale=C']);
  run([
    'pg_ctl', '-D', data, '-w', '-l', join(dir, 'log'),
    '-o', `-k ${dir} -c listen_addresses='' -c max_connections=300 -c shared_buffers=64MB`,
    'start',
  ]);
  return {
    url: `postgres://kreisform@/postgres?host=${encodeURIComponent(dir)}`,
    stop() {
      try {
        run(['pg_ctl', '-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
