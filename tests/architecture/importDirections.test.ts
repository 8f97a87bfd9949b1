import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The allowed import directions between our modules (README "Module layout"). Each module may import only from the
 * modules listed for it; bench/ and tests/ are unrestricted and not listed. Besides the modules, a file may import
 * packages and the data folders in SHARED_FOLDERS; any other folder of ours (tests/, bench/, forms/ …) is off limits.
 */
const MODULES = ['engine', 'contract', 'server', 'renderer', 'cli'] as const;
type Module = (typeof MODULES)[number];

const ALLOWED: Record<Module, readonly Module[]> = {
  engine: ['engine'],
  contract: ['engine', 'contract'],
  server: ['engine', 'contract', 'server'],
  renderer: ['engine', 'contract', 'renderer'],
  cli: ['engine', 'contract', 'server', 'cli'],
};

/** Folders of data and generated declarations that every module may read (JSON Schema, generated form data types). */
const SHARED_FOLDERS = ['schemas', 'types'];

/**
 * Finer rules inside an allowed direction: files under `from` may import `to` only type-only (the import is erased),
 * except the listed files. The CLI goes through use cases: it never writes rows through a repository itself; only
 * the one place that opens the storage for a command may construct it.
 */
const TYPE_ONLY_RULES: readonly { from: string; to: string; except: readonly string[] }[] = [
  { from: 'cli/', to: 'server/storage/', except: ['cli/agreement/withStorage.ts'] },
];

interface ImportRef {
  specifier: string;
  typeOnly: boolean;
}

/** Every module specifier of a file: import/export declarations, dynamic import() and import('…') types. */
function readImports(fileName: string, source: string): ImportRef[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const refs: ImportRef[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      refs.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const typeOnly = node.isTypeOnly || (clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly));
      refs.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      refs.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      refs.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return refs;
}

/** The repository-relative path ('server/x.ts') a relative specifier of `file` points to, or undefined for a package. */
function resolveTarget(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return normalize(join(dirname(file), specifier)).split(sep).join('/');
}

/** Why an import of `file` (repository-relative, '/'-separated) breaks the rules, or undefined when it is allowed. */
function checkImport(file: string, ref: ImportRef): string | undefined {
  const from = file.split('/')[0] as Module;
  const target = resolveTarget(file, ref.specifier);
  if (target === undefined) return undefined;
  const folder = target.split('/')[0]!;
  if ((MODULES as readonly string[]).includes(folder)) {
    if (!ALLOWED[from].includes(folder as Module)) return `${from} may not import ${folder} (allowed: ${ALLOWED[from].join(', ')})`;
  } else if (!SHARED_FOLDERS.includes(folder)) {
    return `${from} may not import ${folder}/ (only modules and ${SHARED_FOLDERS.join(', ')})`;
  }
  for (const rule of TYPE_ONLY_RULES) {
    if (file.startsWith(rule.from) && target.startsWith(rule.to) && !ref.typeOnly && !rule.except.includes(file)) {
      return `${rule.from} may import ${rule.to} only type-only (go through a use case)`;
    }
  }
  return undefined;
}

async function moduleFiles(module: Module): Promise<string[]> {
  const names = await readdir(module, { recursive: true });
  return names
    .map((name) => join(module, name).split(sep).join('/'))
    .filter((name) => /\.tsx?$/.test(name) && !name.split('/').includes('node_modules'))
    .sort();
}

describe('the import-direction checker', () => {
  it('When a file has every kind of import, then each specifier is found with whether it is type-only', () => {
    const source = [
      "import a from '../a.ts';",
      "import type { B } from '../b.ts';",
      "import { type C } from '../c.ts';",
      "import { type D, e } from '../d.ts';",
      "import '../side-effect.ts';",
      "export * from '../f.ts';",
      "export type { G } from '../g.ts';",
      "const h = await import('../h.ts');",
      "type I = import('../i.ts').I;",
      "import { readFile } from 'node:fs/promises';",
    ].join('\n');
    expect(readImports('x/y.ts', source)).toEqual([
      { specifier: '../a.ts', typeOnly: false },
      { specifier: '../b.ts', typeOnly: true },
      { specifier: '../c.ts', typeOnly: true },
      { specifier: '../d.ts', typeOnly: false },
      { specifier: '../side-effect.ts', typeOnly: false },
      { specifier: '../f.ts', typeOnly: false },
      { specifier: '../g.ts', typeOnly: true },
      { specifier: '../h.ts', typeOnly: false },
      { specifier: '../i.ts', typeOnly: true },
      { specifier: 'node:fs/promises', typeOnly: false },
    ]);
  });

  it.each([
    ['engine/a.ts', './b.ts', false, true],
    ['engine/a.ts', '../contract/b.ts', true, false],
    ['engine/a.ts', '../schemas/form-definition.schema.json', false, true],
    ['contract/a.ts', '../engine/index.ts', true, true],
    ['contract/a.ts', '../server/b.ts', true, false],
    ['server/usecases/a.ts', '../../contract/b.ts', false, true],
    ['server/usecases/a.ts', '../../renderer/shared/b.ts', false, false],
    ['server/a.ts', '../cli/b.ts', false, false],
    ['server/a.ts', '../tests/helpers/b.ts', false, false],
    ['renderer/portal/a.ts', '../../server/usecases/b.ts', true, false],
    ['renderer/portal/a.ts', '../../engine/b.ts', false, true],
    ['cli/commands/a.ts', '../../server/usecases/b.ts', false, true],
    ['cli/commands/a.ts', '../../server/storage/Storage.ts', true, true],
    ['cli/commands/a.ts', '../../server/storage/sqlite/createSqliteStorage.ts', false, false],
    ['cli/agreement/withStorage.ts', '../../server/storage/sqlite/createSqliteStorage.ts', false, true],
    ['cli/a.ts', '../renderer/b.ts', true, false],
    ['server/a.ts', 'express', false, true],
  ])('When %s imports %s (type-only: %s), then allowed is %s', (file, specifier, typeOnly, allowed) => {
    expect(checkImport(file, { specifier, typeOnly }) === undefined).toBe(allowed);
  });
});

describe('import directions', () => {
  it.each(MODULES.map((module) => [module, ALLOWED[module].join(', ')] as const))(
    'When the files of %s/ are parsed, then they import only from %s',
    async (module) => {
      const files = await moduleFiles(module);
      expect(files.length).toBeGreaterThan(0);
      const violations: string[] = [];
      for (const file of files) {
        for (const ref of readImports(file, await readFile(file, 'utf8'))) {
          const problem = checkImport(file, ref);
          if (problem) violations.push(`${file}: '${ref.specifier}' — ${problem}`);
        }
      }
      expect(violations).toEqual([]);
    },
  );

  it('When the rules are read, then every module has a row and may import itself', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...MODULES].sort());
    for (const module of MODULES) expect(ALLOWED[module]).toContain(module);
  });
});
