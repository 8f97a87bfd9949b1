import type { AnswerNode } from '../../../engine/review/collectAnswers.ts';

function Nodes({ nodes, level }: { nodes: readonly AnswerNode[]; level: number }) {
  const values = nodes.filter((node): node is Extract<AnswerNode, { kind: 'value' }> => node.kind === 'value');
  const groups = nodes.filter((node): node is Extract<AnswerNode, { kind: 'group' }> => node.kind === 'group');
  const Heading = (level <= 3 ? `h${level}` : 'h6') as 'h3';
  return (
    <>
      {values.length > 0 ? (
        <dl className="kern-description-list">
          {values.map((node) => (
            <div className="kern-description-list-item" key={node.key}>
              <dt className="kern-description-list-item__key">{node.label}</dt>
              <dd className="kern-description-list-item__value">{node.text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {groups.map((node) => (
        <section className="kf-review-group" key={node.key} aria-label={node.label}>
          <Heading className="kern-heading-small">{node.label}</Heading>
          <Nodes nodes={node.children} level={level + 1} />
        </section>
      ))}
    </>
  );
}

/**
 * The answers of a submission as KERN description lists (review page, confirmation, staff inbox view).
 * `headingLevel` is the level of the group headings (default 3).
 */
export function ReviewList({ answers, headingLevel = 3 }: { answers: readonly AnswerNode[]; headingLevel?: number }) {
  return (
    <div className="kf-review">
      <Nodes nodes={answers} level={headingLevel} />
    </div>
  );
}
