import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The engine must bundle for the browser: no Node built-ins, server or UI libraries (generateTypes.ts excepted). */
const FORBIDDEN = /^(node:|fs$|path$|crypto$|express|react|sqlite3|helmet)/;
const EXCEPTIONS = new Set(['generateTypes.ts']);

async function engineFiles(): Promise<string[]> {
  const top = (await readdir('engine')).filter((name) => name.endsWith('.ts')).map((name) => join('engine', name));
  const generated = (await readdir('engine/generated')).filter((name) => name.endsWith('.ts')).map((name) => join('engine/generated', name));
  return [...top, ...generated];
}

describe('engine purity', () => {
  it('imports nothing that would keep it out of the browser bundle', async () => {
    const offending: string[] = [];
    for (const file of await engineFiles()) {
      if (EXCEPTIONS.has(file.split('/').pop()!)) continue;
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
