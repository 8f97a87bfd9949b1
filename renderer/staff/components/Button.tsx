import type { ReactNode } from 'react';

interface ButtonProps {
  children: ReactNode;
  onClick?: () => void;
  variant?: 'primary' | 'secondary' | 'tertiary';
  type?: 'button' | 'submit';
  disabled?: boolean;
  small?: boolean;
  ariaLabel?: string;
}

/** A KERN button. */
export function Button({ children, onClick, variant = 'primary', type = 'button', disabled, small, ariaLabel }: ButtonProps) {
  return (
    <button
      type={type}
      className={`kern-btn kern-btn--${variant}${small ? ' kern-btn--x-small' : ''}`}
      onClick={onClick}
      disabled={disabled}
      aria-label={ariaLabel}
    >
      <span className="kern-label">{children}</span>
    </button>
  );
}
