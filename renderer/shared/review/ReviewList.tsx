import type { AnswerNode } from '../../../engine/review/collectAnswers.ts';
import { useProgressiveCount } from '../kern/ProgressiveFields.ts';

/** Top-level answers in the first commit of a long list; the rest follow in chunks (see useProgressiveCount). */
const FIRST_ANSWERS = 40;
const ANSWERS_PER_CHUNK = 60;

function Nodes({ nodes, level }: { nodes: readonly AnswerNode[]; level: number }) {
  const values = nodes.filter((node): node is Extract<AnswerNode, { kind: 'value' }> => node.kind === 'value');
  const groups = nodes.filter((node): node is Extract<AnswerNode, { kind: 'group' }> => node.kind === 'group');
  return <NodeList values={values} groups={groups} level={level} />;
}

/** The top level of a long answer list (1000 fields) renders in chunks, so no task grows with the field count. */
function ProgressiveNodes({ nodes, level }: { nodes: readonly AnswerNode[]; level: number }) {
  const count = useProgressiveCount(nodes.length, FIRST_ANSWERS, ANSWERS_PER_CHUNK);
  const shown = count < nodes.length ? nodes.slice(0, count) : nodes;
  return (
    <div aria-busy={count < nodes.length || undefined}>
      <Nodes nodes={shown} level={level} />
    </div>
  );
}

function NodeList({
  values,
  groups,
  level,
}: {
  values: readonly Extract<AnswerNode, { kind: 'value' }>[];
  groups: readonly Extract<AnswerNode, { kind: 'group' }>[];
  level: number;
}) {
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
      {answers.length > FIRST_ANSWERS ? <ProgressiveNodes nodes={answers} level={headingLevel} /> : <Nodes nodes={answers} level={headingLevel} />}
    </div>
  );
}
