import type { ConsoleRoute } from '../../routes/types';

/** The admin screens. */
export const adminRoutes: ConsoleRoute[] = [];
