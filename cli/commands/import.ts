/**
 * `npm run forms -- import <file.json> [--from jsonschema|digiwf|formio|surveyjs] [--id ID] [--out FILE]`: converts a
 * form of another system (react-jsonschema-form, JSON Forms, DigiWF, Form.io, SurveyJS) into a draft definition
 * (JSON on standard output, or written to --out). The German import report goes to stderr.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeDefinitionOutput } from '../writeDefinitionOutput.ts';
import { FOREIGN_FORM_KINDS, importForeignForm, type ForeignFormKind } from '../../engine/import/importForeignForm.ts';

export const summary = 'Import a JSON Schema, rjsf, JSON Forms, DigiWF, Form.io or SurveyJS form as a draft definition';

const USAGE = `Usage: npm run forms -- import <file.json> [--from ${FOREIGN_FORM_KINDS.join('|')}] [--id ID] [--out FILE]`;

interface Arguments {
  file: string;
  from?: ForeignFormKind;
  id?: string;
  out?: string;
}

function parseArguments(args: string[]): Arguments | string {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--from' || arg === '--id' || arg === '--out') {
      const value = args[index + 1];
      if (!value || value.startsWith('--')) return `${arg} needs a value.`;
      options[arg.slice(2)] = value;
      index += 1;
    } else if (arg.startsWith('--')) {
      return `Unknown option ${arg}.`;
    } else {
      positional.push(arg);
    }
  }
  const [file, ...extra] = positional;
  if (!file || extra.length > 0) return 'Give exactly one form file.';
  if (options.from !== undefined && !(FOREIGN_FORM_KINDS as readonly string[]).includes(options.from)) {
    return `--from must be one of ${FOREIGN_FORM_KINDS.join(', ')}.`;
  }
  return { file, from: options.from as ForeignFormKind | undefined, id: options.id, out: options.out };
}

/** Runs the import; returns 0 when a draft was written, 1 when the input was refused (reason on stderr). */
export async function run(args: string[]): Promise<number> {
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n${USAGE}`);
    return 1;
  }
  let source: unknown;
  try {
    source = JSON.parse(await readFile(parsed.file, 'utf8'));
  } catch (error) {
    console.error(`Cannot read ${parsed.file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const result = importForeignForm(source, {
    ...(parsed.from ? { from: parsed.from } : {}),
    ...(parsed.id ? { id: parsed.id } : {}),
    sourceName: path.basename(parsed.file).replace(/\.json$/i, ''),
  });
  if (!result.ok) {
    for (const entry of result.report) console.error(`${entry.path || '/'}  ${entry.code}: ${entry.message}`);
    console.error(`${result.code}${result.path ? ` ${result.path}` : ''}: ${result.message}`);
    return 1;
  }
  if (!(await writeDefinitionOutput(result.definition, parsed.out))) return 1;
  console.error('Importbericht:');
  for (const entry of result.report) console.error(`  ${entry.path || '/'}  ${entry.code}: ${entry.message}`);
  console.error(
    `Imported ${result.kind} as ${result.definition.id}@${result.definition.version}: ${result.report.length} report entries, ` +
      `${result.problems.length === 0 ? 'passes checkDefinition' : `${result.problems.length} problems left for the editor`}${parsed.out ? ` -> ${parsed.out}` : ''}.`,
  );
  return 0;
}
