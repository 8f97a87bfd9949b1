import { writeFile } from 'node:fs/promises';

/**
 * Writes an imported definition as indented JSON to `out`, or to stdout without it. Returns false (after a message
 * on stderr) when the file cannot be written.
 */
export async function writeDefinitionOutput(definition: unknown, out: string | undefined): Promise<boolean> {
  const json = `${JSON.stringify(definition, null, 2)}\n`;
  if (!out) {
    process.stdout.write(json);
    return true;
  }
  try {
    await writeFile(out, json, 'utf8');
    return true;
  } catch (error) {
    console.error(`Cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
