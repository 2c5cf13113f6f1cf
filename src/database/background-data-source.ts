import { InjectDataSource } from '@nestjs/typeorm';

/**
 * The name of the background work's own DataSource (the queue of stale days, the sweep). Its pool
 * is separate from the requests' pool, so that requests (slow ones included) can never take the
 * connections the background work needs, and background work never takes a request's.
 */
export const BACKGROUND_DATA_SOURCE = 'background';

/** Injects the background DataSource. */
export const InjectBackgroundDataSource = (): ReturnType<typeof InjectDataSource> => InjectDataSource(BACKGROUND_DATA_SOURCE);
