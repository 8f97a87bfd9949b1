import { Component, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** Rendered instead of the children after they threw. */
  fallback: ReactNode;
  /** Changing it clears the error (e.g. the definition being previewed). */
  resetKey: unknown;
  children: ReactNode;
}

/** Keeps a rendering error of one part (a preview of a half-edited schema) from taking down the page. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean; key: unknown }> {
  override state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: { failed: boolean; key: unknown }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
