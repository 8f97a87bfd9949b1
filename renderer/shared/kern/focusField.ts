const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * Moves the focus to the control of a field id: the element itself when it can take focus, else the first
 * control inside it or inside its group (radio groups, lists). Returns whether something got the focus.
 */
export function focusField(id: string): boolean {
  const element = document.getElementById(id);
  const candidates: (Element | null)[] = [
    element && element.matches(FOCUSABLE) ? element : null,
    element?.querySelector(FOCUSABLE) ?? null,
    document.getElementById(`${id}-0`),
    document.getElementById(`${id}__group`)?.querySelector(FOCUSABLE) ?? null,
  ];
  const target = candidates.find((candidate): candidate is HTMLElement => candidate instanceof HTMLElement);
  if (!target) return false;
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
  return true;
}
