import { readFile } from 'node:fs/promises';
import { diffDefinitions, requiredBump } from '../../engine/index.ts';

export const summary = 'diff <old.json> <new.json>: classify each change as breaking or compatible and print the bump it needs';

/** Prints one line per change ('breaking'/'compatible', pointer, description), then the needed bump. */
export async function run(args: string[]): Promise<number> {
  const [oldPath, newPath] = args;
  if (!oldPath || !newPath || args.length !== 2) {
    console.error('Usage: npm run forms -- diff <old.json> <new.json>');
    return 1;
  }
  const [previous, next] = await Promise.all(
    [oldPath, newPath].map(async (path) => JSON.parse(await readFile(path, 'utf8')) as unknown),
  );
  const changes = diffDefinitions(previous, next);
  for (const change of changes) {
    console.log(`${change.kind.padEnd(10)} ${change.bump.padEnd(5)} ${change.pointer}  ${change.description}`);
  }
  if (changes.length === 0) console.log('no changes');
  console.log(`needs: ${requiredBump(changes)} bump`);
  return 0;
}
