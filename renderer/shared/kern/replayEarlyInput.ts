type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Sets a control's value or checked state past React's value tracker (which a plain assignment goes through). */
function setUntracked(control: Control, property: 'value' | 'checked', value: string | boolean): void {
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control) as object, property)?.set?.call(control, value);
}

/**
 * Hands over what the citizen typed, ticked or chose in the server-rendered form before the app took it over:
 * hydration keeps such values on the page, but the form's state does not know them (and the next render would
 * reset them). Each changed control is reported to React as the event it listens for, so the form takes the value
 * as if it had been typed now. Controls still at the value the server rendered are left alone, so this does
 * nothing on a page the browser rendered itself. (A chosen file cannot be handed over; the citizen chooses it again.)
 */
export function replayEarlyInput(root: HTMLElement): void {
  for (const control of root.querySelectorAll<Control>('input, textarea, select')) {
    if (control instanceof HTMLSelectElement) {
      if ([...control.options].some((option) => option.selected !== option.defaultSelected)) {
        control.dispatchEvent(new Event('change', { bubbles: true }));
      }
    } else if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
      // A radio button is reported where it was chosen; the one it replaced follows from that choice.
      if (control.checked === control.defaultChecked || (control.type === 'radio' && !control.checked)) continue;
      const checked = control.checked;
      control.checked = control.defaultChecked;
      setUntracked(control, 'checked', checked);
      // A plain Event, not a MouseEvent: React sees the click, the browser does not toggle the box again.
      control.dispatchEvent(new Event('click', { bubbles: true }));
    } else if (control.type !== 'file' && control.value !== control.defaultValue) {
      const value = control.value;
      control.value = control.defaultValue;
      setUntracked(control, 'value', value);
      control.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
}
