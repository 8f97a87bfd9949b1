/**
 * `npm run forms -- import-xdf <file.xml> [--codelists DIR] [--out FILE]`: converts a FIM XDatenfelder 2/3
 * message into a draft form definition (JSON on standard output, or written to --out). Warnings go to stderr.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { importXdf } from '../../engine/fim/importXdf.ts';
import { writeDefinitionOutput } from '../writeDefinitionOutput.ts';

export const summary = 'Import a FIM Stammdatenschema (XDatenfelder 2/3) as a draft definition';

const USAGE = 'Usage: npm run forms -- import-xdf <file.xml> [--codelists DIR] [--out FILE]';

interface Arguments {
  file: string;
  codeListsDir?: string;
  out?: string;
}

function parseArguments(args: string[]): Arguments | string {
  const positional: string[] = [];
  let codeListsDir: string | undefined;
  let out: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--codelists' || arg === '--out') {
      const value = args[index + 1];
      if (!value || value.startsWith('--')) return `${arg} needs a value.`;
      if (arg === '--codelists') codeListsDir = value;
      else out = value;
      index += 1;
    } else if (arg.startsWith('--')) {
      return `Unknown option ${arg}.`;
    } else {
      positional.push(arg);
    }
  }
  const [file, ...extra] = positional;
  if (!file || extra.length > 0) return 'Give exactly one XDatenfelder file.';
  return { file, codeListsDir, out };
}

async function readCodeLists(dir: string): Promise<Record<string, string>> {
  const codeLists: Record<string, string> = {};
  const names = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.xml')).sort();
  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8');
    // Only genericode files are code lists; the directory may also hold the schema itself.
    if (/<([A-Za-z0-9_-]+:)?CodeList[\s>]/.test(text)) codeLists[name] = text;
  }
  return codeLists;
}

/** Runs the import; returns 0 on success, 1 on bad input (message on stderr). */
export async function run(args: string[]): Promise<number> {
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n${USAGE}`);
    return 1;
  }
  let xml: string;
  let codeLists: Record<string, string> = {};
  try {
    xml = await readFile(parsed.file, 'utf8');
    if (parsed.codeListsDir) codeLists = await readCodeLists(parsed.codeListsDir);
  } catch (error) {
    console.error(`Cannot read input: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const result = importXdf(xml, { codeLists });
  if (!result.ok) {
    console.error(`${result.code}: ${result.message}`);
    return 1;
  }
  if (!(await writeDefinitionOutput(result.definition, parsed.out))) return 1;
  for (const warning of result.warnings) {
    console.error(`warning ${warning.code}${warning.elementId ? ` ${warning.elementId}` : ''}: ${warning.message}`);
  }
  const { fields, groups, labels, rules } = result.stats;
  console.error(
    `Imported ${result.definition.id}@${result.definition.version}: ${fields} fields, ${groups} groups, ${rules} rules` +
      `${labels ? `, ${labels} labels left out` : ''}, ${result.warnings.length} warnings${parsed.out ? ` -> ${parsed.out}` : ''}.`,
  );
  return 0;
}
