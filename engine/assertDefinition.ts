import { checkDefinition } from './checkDefinition.ts';
import { DefinitionError } from './DefinitionError.ts';
import type { FormDefinition } from './generated/FormDefinition.ts';

/**
 * Throws a DefinitionError (with `source`, e.g. the file path, and all problems) unless `definition` passes
 * checkDefinition; afterwards it is typed as a FormDefinition.
 */
export function assertDefinition(definition: unknown, source: string): asserts definition is FormDefinition {
  const problems = checkDefinition(definition);
  if (problems.length > 0) throw new DefinitionError(source, problems);
}
