import { adminRoutes } from '../features/admin/routes';
import { employeeRoutes } from '../features/employee/routes';
import { financeRoutes } from '../features/finance/routes';
import { officeRoutes } from '../features/office/routes';
import { supervisorRoutes } from '../features/supervisor/routes';
import type { ConsoleRoute } from './types';

/** Menu order: what a person does daily first, then their team, then finance, then the office. */
export const CONSOLE_ROUTES: ConsoleRoute[] = [...employeeRoutes, ...supervisorRoutes, ...financeRoutes, ...officeRoutes, ...adminRoutes];

export const GROUP_OF: Record<string, 'nav.group.me' | 'nav.group.team' | 'nav.group.finance' | 'nav.group.office'> = {
  employee: 'nav.group.me',
  supervisor: 'nav.group.team',
  finance: 'nav.group.finance',
  admin: 'nav.group.office',
};
