import { AuditOutlined, TableOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../routes/types';

const Approvals = lazy(() => import('./Approvals'));
const TeamMonth = lazy(() => import('./TeamMonth'));

/** The supervisor screens: people with reports, and admins (who decide in a supervisor's place, H-ORG-3). */
export const supervisorRoutes: ConsoleRoute[] = [
  { path: 'approvals', audiences: ['supervisor'], label: 'nav.approvals', icon: <AuditOutlined />, element: <Approvals /> },
  { path: 'team-month', audiences: ['supervisor'], label: 'nav.teamMonth', icon: <TableOutlined />, element: <TeamMonth /> },
];
