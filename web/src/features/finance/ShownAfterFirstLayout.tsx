import { type ReactNode, useEffect, useState } from 'react';

/**
 * Mounts `children` undisplayed and shows them a frame later. antd's table and tab bar measure
 * themselves while React commits them (offsetWidth in layout effects, scrollLeft in an effect),
 * which makes the browser style and lay out every new element synchronously, inside React's
 * commit and its deep call stack — the report's one long task when its table first appeared, and
 * Lighthouse's trace (which records a stack for each style invalidation) made it several times
 * longer. Undisplayed, those reads cost nothing; the browser styles and lays the elements out in
 * its own next frame, where the components' resize observers then measure them. The re-render
 * that shows them passes the same `children`, so React does not render them again.
 */
export function ShownAfterFirstLayout({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setShown(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return <div className={shown ? undefined : 'fin-undisplayed'}>{children}</div>;
}
