/** A polite loading notice (announced by screen readers). */
export function Loading({ text = 'Wird geladen …' }: { text?: string }) {
  return (
    <p className="kern-body" role="status">
      {text}
    </p>
  );
}
