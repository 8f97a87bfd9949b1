import type { AnswerNode } from '../../../engine/review/collectAnswers.ts';

/** The answers as indented plain text lines ("Vorname: Erika"), for the downloadable summary. */
export function formatAnswersText(nodes: readonly AnswerNode[], indent = ''): string {
  return nodes
    .map((node) =>
      node.kind === 'value'
        ? `${indent}${node.label}: ${node.text}`
        : `${indent}${node.label}\n${formatAnswersText(node.children, `${indent}  `)}`,
    )
    .join('\n');
}
