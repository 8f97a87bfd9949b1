/** The textual required marker after a label: "(Pflichtfeld)", never colour alone. */
export function RequiredMark({ required }: { required: boolean | undefined }) {
  return required ? <span className="kf-required"> (Pflichtfeld)</span> : null;
}
