/** Which part of a day a leave covers: the whole day, the morning or the afternoon (H-ATT-10). */
export type LeavePart = 'full' | 'am' | 'pm';

/** How much of a day counts: none, half or all of it. */
export type DayShare = 0 | 0.5 | 1;
