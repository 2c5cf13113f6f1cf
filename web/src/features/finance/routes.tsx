import { AccountBookOutlined, CalendarOutlined, FileTextOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../routes/types';

const LeaveStatement = lazy(() => import('./LeaveStatement'));
const MonthlyReport = lazy(() => import('./MonthlyReport'));
const Months = lazy(() => import('./Months'));
const Policy = lazy(() => import('./Policy'));

/** The finance screens; admins may read them (the API lets them), only finance closes months and sets the policy. */
export const financeRoutes: ConsoleRoute[] = [
  { path: 'finance/report', audiences: ['finance', 'admin'], label: 'nav.financeReport', icon: <FileTextOutlined />, element: <MonthlyReport /> },
  { path: 'finance/months', audiences: ['finance', 'admin'], label: 'nav.financeMonths', icon: <CalendarOutlined />, element: <Months /> },
  { path: 'finance/policy', audiences: ['finance', 'admin'], label: 'nav.financePolicy', icon: <AccountBookOutlined />, element: <Policy /> },
  { path: 'finance/leave-statement', audiences: ['finance', 'admin'], label: 'nav.financeLeaveStatement', icon: <ScheduleOutlined />, element: <LeaveStatement /> },
];
