import { descriptionId } from '@rjsf/utils';
import { RequiredMark } from './RequiredMark.tsx';

interface FieldsetHeaderProps {
  /** Id of the fieldset; the hint gets rjsf's description id derived from it (aria-describedby of its fields). */
  id: string;
  legend: string | undefined;
  hint: string | undefined;
  required: boolean | undefined;
}

/** The legend (with the required mark in text) and hint of a KERN fieldset for a group or a list. */
export function FieldsetHeader({ id, legend, hint, required }: FieldsetHeaderProps) {
  return (
    <>
      {legend ? (
        <legend className="kern-label kern-label--large">
          {legend}
          <RequiredMark required={required} />
        </legend>
      ) : null}
      {hint ? (
        <div className="kern-hint" id={descriptionId(id)}>
          {hint}
        </div>
      ) : null}
    </>
  );
}
