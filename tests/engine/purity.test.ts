import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The engine must bundle for the browser: no Node built-ins, server or UI libraries (generateTypes.ts excepted). */
const FORBIDDEN = /^(node:|fs$|path$|crypto$|express|react|sqlite3|helmet)/;
const EXCEPTIONS = new Set([join('engine', 'generateTypes.ts')]);

/** Every .ts file under engine/, sub-folders (generated/, agreement/, fim/) included. */
async function engineFiles(): Promise<string[]> {
  return (await readdir('engine', { recursive: true })).filter((name) => name.endsWith('.ts')).map((name) => join('engine', name));
}

describe('engine purity', () => {
  it('imports nothing that would keep it out of the browser bundle', async () => {
    const offending: string[] = [];
    for (const file of await engineFiles()) {
      if (EXCEPTIONS.has(file)) continue;
      const source = await readFile(file, 'utf8');
      for (const match of source.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        if (FORBIDDEN.test(match[1]!)) offending.push(`${file}: ${match[1]}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('does not re-export generateTypes (json-schema-to-typescript is not for the browser)', async () => {
    expect(await readFile('engine/index.ts', 'utf8')).not.toContain("from './generateTypes.ts'");
  });
});
