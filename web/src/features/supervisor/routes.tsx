import type { ConsoleRoute } from '../../routes/types';

/** The supervisor screens. */
export const supervisorRoutes: ConsoleRoute[] = [];
