import type { ConsoleRoute } from '../../routes/types';

/** The finance screens. */
export const financeRoutes: ConsoleRoute[] = [];
