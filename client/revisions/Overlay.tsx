/**
 * A full-window layer over the editor for views too wide for the side drawer (a revision's page, a
 * comparison). Rendered into document.body so the drawer's scrolling box does not clip it; Escape
 * and the Close button close it, and focus moves into it when it opens.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface OverlayProps {
  title: ReactNode;
  /** Accessible name of the dialog. */
  label: string;
  testId: string;
  onClose: () => void;
  /** Controls shown in the header, right of the title. */
  actions?: ReactNode;
  children: ReactNode;
}

export function Overlay({ title, label, testId, onClose, actions, children }: OverlayProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    box.current?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  if (typeof document === 'undefined') return null;
  return createPortal(
    <div className="ph-rv-overlay" role="dialog" aria-modal="true" aria-label={label} data-testid={testId} ref={box} tabIndex={-1}>
      <header className="ph-rv-overlay-bar">
        <div className="ph-rv-overlay-title">{title}</div>
        <span className="ph-spacer" />
        {actions}
        <button type="button" className="ph-button ph-small" data-testid={`${testId}-close`} onClick={onClose}>Close</button>
      </header>
      <div className="ph-rv-overlay-body">{children}</div>
    </div>,
    document.body,
  );
}
