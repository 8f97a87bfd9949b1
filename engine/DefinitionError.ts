/** One problem of a form definition: where (JSON pointer into the definition), a stable code, English text. */
export interface DefinitionProblem {
  pointer: string;
  code: string;
  message: string;
  /** For 'meta-schema' problems: the failed JSON Schema keyword and its parameters (for describeProblemInGerman). */
  keyword?: string;
  params?: Record<string, unknown>;
}

/** Thrown by assertDefinition for a definition that must not be used; carries its source and all problems. */
export class DefinitionError extends Error {
  readonly source: string;
  readonly problems: readonly DefinitionProblem[];

  constructor(source: string, problems: readonly DefinitionProblem[]) {
    super(
      `${source}: invalid form definition (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.pointer || '/'}: ${p.message} [${p.code}]`).join('\n'),
    );
    this.name = 'DefinitionError';
    this.source = source;
    this.problems = problems;
  }
}
