import type { Audience } from '../auth/session';

/** Menu groups and role tags in this order: what a person does daily first, the office last. */
export const AUDIENCE_ORDER: Audience[] = ['employee', 'supervisor', 'finance', 'admin'];
