import { AuditOutlined, BellOutlined, BookOutlined, CalendarOutlined, ClockCircleOutlined, FileProtectOutlined, SettingOutlined, TagsOutlined, WarningOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../routes/types';

const SettingsPage = lazy(() => import('./settings/SettingsPage'));
const ShiftsPage = lazy(() => import('./settings/ShiftsPage'));
const CalendarPage = lazy(() => import('./calendar/CalendarPage'));
const LeaveTypesPage = lazy(() => import('./LeaveTypesPage'));
const HandbookPage = lazy(() => import('./handbook/HandbookPage'));
const DisciplinaryPage = lazy(() => import('./disciplinary/DisciplinaryPage'));
const RequestsPage = lazy(() => import('./requests/RequestsPage'));
const AuditPage = lazy(() => import('./AuditPage'));
const NotificationOfficePage = lazy(() => import('./notifications/NotificationOfficePage'));

/**
 * The admin screens. Settings, shifts and the request review are open to finance too, as the
 * service allows them (H-ORG-2, H-ATT-9); the rest are the office's alone.
 */
export const adminRoutes: ConsoleRoute[] = [
  { path: 'admin/requests', audiences: ['admin', 'finance'], label: 'admin.nav.requests', icon: <FileProtectOutlined />, element: <RequestsPage /> },
  { path: 'admin/disciplinary', audiences: ['admin'], label: 'admin.nav.disciplinary', icon: <WarningOutlined />, element: <DisciplinaryPage /> },
  { path: 'admin/handbook', audiences: ['admin'], label: 'admin.nav.handbook', icon: <BookOutlined />, element: <HandbookPage /> },
  { path: 'admin/calendar', audiences: ['admin'], label: 'admin.nav.calendar', icon: <CalendarOutlined />, element: <CalendarPage /> },
  { path: 'admin/leave-types', audiences: ['admin'], label: 'admin.nav.leaveTypes', icon: <TagsOutlined />, element: <LeaveTypesPage /> },
  { path: 'admin/shifts', audiences: ['admin', 'finance'], label: 'admin.nav.shifts', icon: <ClockCircleOutlined />, element: <ShiftsPage /> },
  { path: 'admin/settings', audiences: ['admin', 'finance'], label: 'admin.nav.settings', icon: <SettingOutlined />, element: <SettingsPage /> },
  { path: 'admin/notifications', audiences: ['admin'], label: 'admin.nav.notifications', icon: <BellOutlined />, element: <NotificationOfficePage /> },
  { path: 'admin/audit', audiences: ['admin'], label: 'admin.nav.audit', icon: <AuditOutlined />, element: <AuditPage /> },
];
