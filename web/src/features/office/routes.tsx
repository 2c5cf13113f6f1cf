import type { ConsoleRoute } from '../../routes/types';

/** The office screens. */
export const officeRoutes: ConsoleRoute[] = [];
