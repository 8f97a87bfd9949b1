import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The standard 68-byte EICAR anti-virus test file, assembled at run time (never stored as a file in git). */
export function eicar(): Buffer {
  return Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'latin1');
}

export interface StartedClamd {
  socket: string;
  stop(): Promise<void>;
}

/**
 * Starts a real clamd (Debian clamav-daemon) with a signature database made here: the MD5 signature of the EICAR
 * bytes (sigtool --md5) and of `extra` files, plus a body signature of the EICAR string (found inside any file). Listens on a local socket in a temp directory.
 */
export async function startClamd(extra: Buffer[] = []): Promise<StartedClamd> {
  const dir = await mkdtemp(join(tmpdir(), 'kreisform-clamd-'));
  const db = join(dir, 'db');
  await mkdir(db);
  const lines: string[] = [];
  for (const [index, bytes] of [eicar(), ...extra].entries()) {
    const file = join(dir, `sample-${index}`);
    await writeFile(file, bytes);
    const result = spawnSync('sigtool', ['--md5', file], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`sigtool failed: ${result.stderr}`);
    lines.push(result.stdout.trim().replace(/:[^:]+$/, index === 0 ? ':Kreisform-Test-EICAR' : `:Kreisform-Test-${index}`));
    await rm(file);
  }
  await writeFile(join(db, 'test.hdb'), `${lines.join('\n')}\n`);
  // Also a body signature (any file type, any offset), so a file that merely contains the EICAR string is found too.
  await writeFile(join(db, 'test.ndb'), `Kreisform-Test-EICAR-Body:0:*:${eicar().toString('hex')}\n`);
  const socket = join(dir, 'clamd.sock');
  const conf = join(dir, 'clamd.conf');
  await writeFile(
    conf,
    [`DatabaseDirectory ${db}`, `LocalSocket ${socket}`, 'Foreground yes', `LogFile ${join(dir, 'clamd.log')}`, 'StreamMaxLength 60M', `TemporaryDirectory ${dir}`, `PidFile ${join(dir, 'clamd.pid')}`].join('\n') + '\n',
  );
  const child: ChildProcess = spawn('clamd', ['-c', conf], { stdio: 'ignore' });
  const started = Date.now();
  while (!existsSync(socket)) {
    if (child.exitCode !== null) throw new Error(`clamd exited with ${child.exitCode}`);
    if (Date.now() - started > 30_000) throw new Error('clamd did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    socket,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
