import type { ReactNode } from 'react';
import type { Audience } from '../auth/session';
import type { MessageKey } from '../i18n';

/** One screen of the console: where it is, who may open it, how the menu shows it. */
export interface ConsoleRoute {
  /** Under /app/, without a leading slash: `today`, `leave`, `office/staff`. */
  path: string;
  /** Any of these may open it; the others get the "no access" screen. */
  audiences: Audience[];
  /** The menu label; routes without one (detail pages) are reachable but not listed. */
  label?: MessageKey;
  icon?: ReactNode;
  /** Shown in the phone's bottom tab bar (employee pages only, at most five). */
  tab?: boolean;
  element: ReactNode;
}
