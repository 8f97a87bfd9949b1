import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type { ScanResult, VirusScanner } from './VirusScanner.ts';

const MAX_CHUNK = 64 * 1024;

/**
 * ClamAV adapter of the scanner port: clamd's INSTREAM command over its local socket (CLAMD_SOCKET). The bytes go as
 * length-prefixed chunks, a zero-length chunk ends them; clamd answers `stream: OK`, `stream: <signature> FOUND` or
 * an `... ERROR` (e.g. above its StreamMaxLength). Anything but OK or FOUND, a refused connection or a timeout
 * rejects, so a file is never stored as clean unless clamd said so.
 */
export class ClamdScanner implements VirusScanner {
  constructor(
    private readonly socketPath: string,
    private readonly timeoutMs = 60_000,
  ) {}

  async scan(bytes: Readable): Promise<ScanResult> {
    const socket = connect(this.socketPath);
    socket.setTimeout(this.timeoutMs);
    const answer = readAnswer(socket);
    answer.catch(() => undefined);
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', reject);
      });
      try {
        await writeAll(socket, Buffer.from('zINSTREAM\0'));
        for await (const chunk of bytes as AsyncIterable<Buffer>) {
          for (let offset = 0; offset < chunk.length; offset += MAX_CHUNK) {
            const part = chunk.subarray(offset, offset + MAX_CHUNK);
            const length = Buffer.alloc(4);
            length.writeUInt32BE(part.length);
            await writeAll(socket, Buffer.concat([length, part]));
          }
        }
        await writeAll(socket, Buffer.alloc(4));
      } catch (error) {
        // clamd may stop reading and answer early (e.g. "INSTREAM size limit exceeded. ERROR"): report its answer.
        const early = await Promise.race([answer.catch(() => ''), new Promise<string>((resolve) => setTimeout(() => resolve(''), 1000))]);
        throw new Error(early ? `clamd answered: ${early.replace(/\0/g, '').trim().slice(0, 200)}` : `clamd connection failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const text = (await answer).replace(/\0/g, '').trim();
      if (/^stream: OK$/.test(text)) return { infected: false };
      const found = /^stream: (.+) FOUND$/.exec(text);
      if (found) return { infected: true, signature: found[1]! };
      throw new Error(`clamd answered: ${text.slice(0, 200)}`);
    } finally {
      socket.destroy();
      bytes.destroy();
    }
  }
}

function writeAll(socket: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed) {
      reject(new Error('clamd closed the connection'));
      return;
    }
    socket.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

/** Collects clamd's answer up to its terminating NUL (or the end of the connection). */
function readAnswer(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (chunk.includes(0)) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    socket.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.once('timeout', () => reject(new Error('clamd did not answer in time')));
    socket.once('error', reject);
  });
}
