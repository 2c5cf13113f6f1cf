import type { ReactNode } from 'react';

/**
 * A table's own sideways scroll box on a narrow screen, reachable by keyboard (a table of plain text
 * has nothing to tab to, and a scroll box nobody can focus cannot be scrolled without a mouse).
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="office-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** A table's "nothing here" line in a colour that passes 4.5:1 (antd's placeholder grey does not). */
export function Empty({ children }: { children: string }) {
  return <span className="office-empty">{children}</span>;
}
