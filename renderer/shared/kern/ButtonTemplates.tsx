import type { IconButtonProps, SubmitButtonProps } from '@rjsf/utils';
import { getSubmitButtonOptions, TranslatableString } from '@rjsf/utils';

function TextButton(props: IconButtonProps & { text: string; variant: 'secondary' | 'tertiary' }) {
  const { text, variant, id, className, disabled, onClick } = props;
  return (
    <button
      type="button"
      id={id}
      className={`kern-btn kern-btn--${variant}${className ? ` ${className}` : ''}`}
      disabled={disabled}
      onClick={onClick}
    >
      <span className="kern-label">{text}</span>
    </button>
  );
}

/** KERN primary submit button; its text comes from ui:submitButtonOptions (default "Absenden"). */
export function SubmitButton({ uiSchema }: SubmitButtonProps) {
  const { submitText, norender, props: buttonProps } = getSubmitButtonOptions(uiSchema);
  if (norender) return null;
  const text = submitText === 'Submit' || !submitText ? 'Absenden' : submitText;
  return (
    <div className="kf-button-row">
      <button type="submit" className="kern-btn kern-btn--primary" disabled={Boolean(buttonProps?.disabled)}>
        <span className="kern-label">{text}</span>
      </button>
    </div>
  );
}

export function AddButton(props: IconButtonProps) {
  return <TextButton {...props} variant="secondary" text={props.registry.translateString(TranslatableString.AddItemButton)} />;
}
export function RemoveButton(props: IconButtonProps) {
  return <TextButton {...props} variant="tertiary" text={props.registry.translateString(TranslatableString.RemoveButton)} />;
}
export function MoveUpButton(props: IconButtonProps) {
  return <TextButton {...props} variant="tertiary" text={props.registry.translateString(TranslatableString.MoveUpButton)} />;
}
export function MoveDownButton(props: IconButtonProps) {
  return <TextButton {...props} variant="tertiary" text={props.registry.translateString(TranslatableString.MoveDownButton)} />;
}
export function CopyButton(props: IconButtonProps) {
  return <TextButton {...props} variant="tertiary" text={props.registry.translateString(TranslatableString.CopyButton)} />;
}
export function ClearButton(props: IconButtonProps) {
  return <TextButton {...props} variant="tertiary" text={props.registry.translateString(TranslatableString.ClearButton)} />;
}
