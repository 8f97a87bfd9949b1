/** A field's hint in KERN markup; its id (`<id>-hinweis`) is referenced by the control's aria-describedby. */
export function FieldHint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint ? (
    <div className="kern-hint" id={`${id}-hinweis`}>
      {hint}
    </div>
  ) : null;
}

/** A field's error in KERN markup, announced to screen readers; its id is `<id>-fehler`. */
export function FieldAlert({ id, error }: { id: string; error: string | null | undefined }) {
  return error ? (
    <p className="kern-error" id={`${id}-fehler`} role="alert">
      <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
      <span className="kern-body">{error}</span>
    </p>
  ) : null;
}
