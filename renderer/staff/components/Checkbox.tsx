/** A KERN checkbox with its label. */
export function Checkbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="kern-form-check">
      <input className="kern-form-check__checkbox" type="checkbox" id={id} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
