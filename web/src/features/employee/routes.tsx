import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../routes/types';

const Today = lazy(() => import('./Today'));

/** The employee's screens: every signed-in person has them. Phone-first (375 px). */
export const employeeRoutes: ConsoleRoute[] = [
  { path: 'today', audiences: ['employee'], label: 'nav.today', icon: <HomeOutlined />, tab: true, element: <Today /> },
];
