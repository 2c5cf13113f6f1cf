/** Labels of the office screens (features/office). */
export const office = {
} as const;
