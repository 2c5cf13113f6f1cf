import { Foundation1764230400000 } from './1764230400000-Foundation';

/** Every migration, oldest first. Listed, not globbed, so that the same list works from ts and js. */
export const MIGRATIONS = [Foundation1764230400000];
