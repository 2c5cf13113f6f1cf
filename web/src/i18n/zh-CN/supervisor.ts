/** Labels of the supervisor screens (features/supervisor). */
export const supervisor = {
} as const;
