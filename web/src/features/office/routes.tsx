import { ApartmentOutlined, CalendarOutlined, IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../routes/types';

const StaffList = lazy(() => import('./staff/StaffList'));
const StaffDetail = lazy(() => import('./staff/StaffDetail'));
const Positions = lazy(() => import('./positions/Positions'));
const Roster = lazy(() => import('./roster/Roster'));
const Devices = lazy(() => import('./devices/Devices'));
const DeviceDetail = lazy(() => import('./devices/DeviceDetail'));

/** The office screens: who works here, in which position, who is on duty, which terminals punch. */
export const officeRoutes: ConsoleRoute[] = [
  { path: 'office/staff', audiences: ['admin'], label: 'nav.office.staff', icon: <TeamOutlined />, element: <StaffList /> },
  { path: 'office/staff/:id', audiences: ['admin'], element: <StaffDetail /> },
  { path: 'office/positions', audiences: ['admin'], label: 'nav.office.positions', icon: <ApartmentOutlined />, element: <Positions /> },
  { path: 'office/roster', audiences: ['admin'], label: 'nav.office.roster', icon: <CalendarOutlined />, element: <Roster /> },
  { path: 'office/devices', audiences: ['admin'], label: 'nav.office.devices', icon: <IdcardOutlined />, element: <Devices /> },
  { path: 'office/devices/:id', audiences: ['admin'], element: <DeviceDetail /> },
];
