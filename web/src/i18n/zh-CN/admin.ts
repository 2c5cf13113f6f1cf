/** Labels of the admin screens (features/admin). */
export const admin = {
} as const;
