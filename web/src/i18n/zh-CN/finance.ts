/** Labels of the finance screens (features/finance). */
export const finance = {
} as const;
