import { Fragment } from 'react';
import { parseSafeText, type SafeInline } from '../../engine/safeText.ts';

function Inline({ parts }: { parts: SafeInline[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.kind === 'link' ? (
          <a key={index} className="kern-link" href={part.href} {...(part.href.startsWith('https://') ? { rel: 'noopener noreferrer' } : {})}>
            {part.text}
          </a>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * Renders a text in the safe text format (engine/safeText.ts) as React elements: headings, paragraphs with line
 * breaks, bullet lists and https/mailto/tel links. Every piece is a text node or an element React builds, so nothing
 * a participant wrote can become markup (no dangerouslySetInnerHTML). `headingLevel` is the level of "## " lines.
 */
export function SafeText({ source, headingLevel = 2 }: { source: string; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  return (
    <>
      {parseSafeText(source).map((block, index) => {
        if (block.kind === 'heading') {
          return (
            <Heading key={index} className={headingLevel === 2 ? 'kern-heading-medium' : 'kern-heading-small'}>
              {block.text}
            </Heading>
          );
        }
        if (block.kind === 'list') {
          return (
            <ul key={index} className="kern-list kern-list--bullet">
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>
                  <Inline parts={item} />
                </li>
              ))}
            </ul>
          );
        }
        return (
          <p key={index} className="kern-body">
            {block.lines.map((line, lineIndex) => (
              <Fragment key={lineIndex}>
                {lineIndex > 0 ? <br /> : null}
                <Inline parts={line} />
              </Fragment>
            ))}
          </p>
        );
      })}
    </>
  );
}
