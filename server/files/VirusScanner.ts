import type { Readable } from 'node:stream';

/** Outcome of a virus scan. */
export type ScanResult = { infected: false } | { infected: true; signature: string };

/** The scanner port: checks a file's bytes before it is stored (adapter: ClamAV clamd, see ClamdScanner). */
export interface VirusScanner {
  scan(bytes: Readable): Promise<ScanResult>;
}
