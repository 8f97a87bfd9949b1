import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The engine and the contract module must bundle for the browser and run in the server: no Node built-ins, server or
 * UI libraries (engine/generateTypes.ts excepted). The contract module is plain TypeScript: it imports no package at
 * all, only engine/ and itself (see tests/architecture/importDirections.test.ts for the directions).
 */
const PURE_FOLDERS: readonly { folder: string; forbidden: RegExp; exceptions: ReadonlySet<string> }[] = [
  { folder: 'engine', forbidden: /^(node:|fs$|path$|crypto$|express|react|sqlite3|helmet)/, exceptions: new Set([join('engine', 'generateTypes.ts')]) },
  { folder: 'contract', forbidden: /^[^.]/, exceptions: new Set() },
];

/** Every .ts/.tsx file under a folder, sub-folders (generated/, agreement/, fim/ …) included. */
async function filesOf(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true })).filter((name) => /\.tsx?$/.test(name)).map((name) => join(folder, name));
}

describe('engine purity', () => {
  it.each(PURE_FOLDERS)('When the files of $folder/ are read, then they import nothing that would keep them out of the browser bundle', async ({ folder, forbidden, exceptions }) => {
    const files = await filesOf(folder);
    expect(files.length).toBeGreaterThan(0);
    const offending: string[] = [];
    for (const file of files) {
      if (exceptions.has(file)) continue;
      const source = await readFile(file, 'utf8');
      for (const match of source.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        if (forbidden.test(match[1]!)) offending.push(`${file}: ${match[1]}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('does not re-export generateTypes (json-schema-to-typescript is not for the browser)', async () => {
    expect(await readFile('engine/index.ts', 'utf8')).not.toContain("from './generateTypes.ts'");
  });
});
