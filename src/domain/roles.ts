/** The roles the office grants on top of being an employee: the office (admin) and finance. */
export const GRANTABLE_ROLES = ['admin', 'finance'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];
