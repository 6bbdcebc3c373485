'use client';

import { useState, type ReactNode } from 'react';

/**
 * A panel that folds away behind a button on narrow screens only (globals.css shows the button below
 * 40rem); on wider screens the panel is always shown and the button is not there.
 */
export function Collapsible({
  id,
  label,
  initiallyOpen = false,
  className = '',
  children,
}: {
  id: string;
  label: ReactNode;
  initiallyOpen?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <div className={`collapsible ${className}`} data-open={open}>
      <button
        type="button"
        className="button button--secondary collapsible__toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      <div id={id} className="collapsible__panel">
        {children}
      </div>
    </div>
  );
}
