/** A field's error text in KERN markup; its id is referenced by the control's aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] }) {
  return (
    <p className="kern-error" id={id}>
      <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
      <span className="kern-body">{messages.join(' ')}</span>
    </p>
  );
}
