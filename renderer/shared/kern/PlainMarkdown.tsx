import type { ReactNode } from 'react';

/**
 * Stand-in for markdown-to-jsx (aliased in the Vite configs): rjsf renders a few texts through `Markdown`
 * (descriptions with ui:enableMarkdownInDescription, file info, unsupported-field notes). Definitions carry plain
 * German text, so rendering it as text keeps ~25 KB of parser out of the citizen bundle and any markup inert.
 */
export function Markdown({ children }: { children?: ReactNode; options?: unknown }) {
  return <span>{typeof children === 'string' ? children.replace(/\*\*|__|`/g, '') : children}</span>;
}
