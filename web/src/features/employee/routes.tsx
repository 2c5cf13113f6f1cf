import { BellOutlined, BookOutlined, HourglassOutlined, CalendarOutlined, CarOutlined, FieldTimeOutlined, FileTextOutlined, HomeOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleRoute } from '../../routes/types';

const Today = lazy(() => import('./Today'));
const MyMonth = lazy(() => import('./MyMonth'));
const Leave = lazy(() => import('./Leave'));
const Trips = lazy(() => import('./Trips'));
const Corrections = lazy(() => import('./Corrections'));
const Overtime = lazy(() => import('./Overtime'));
const Handbook = lazy(() => import('./Handbook'));
const MyRecords = lazy(() => import('./MyRecords'));
const Me = lazy(() => import('./Me'));
const NotificationsPage = lazy(() => import('../notifications/NotificationsPage'));

/**
 * The employee's screens: every signed-in person has them. Phone-first (375 px): the five used
 * most sit in the bottom tab bar; make-up punches, overtime, the handbook, my records and my notifications are reached from the menu (make-up
 * punches also from a day of my month that misses one; the handbook and my records also from "Me", my notifications from the header's bell).
 */
export const employeeRoutes: ConsoleRoute[] = [
  { path: 'today', audiences: ['employee'], label: 'nav.today', icon: <HomeOutlined />, tab: true, element: <Today /> },
  { path: 'my-month', audiences: ['employee'], label: 'nav.myMonth', icon: <CalendarOutlined />, tab: true, element: <MyMonth /> },
  { path: 'leave', audiences: ['employee'], label: 'nav.leave', icon: <FileTextOutlined />, tab: true, element: <Leave /> },
  { path: 'trips', audiences: ['employee'], label: 'nav.trips', icon: <CarOutlined />, tab: true, element: <Trips /> },
  { path: 'corrections', audiences: ['employee'], label: 'nav.corrections', icon: <FieldTimeOutlined />, element: <Corrections /> },
  { path: 'overtime', audiences: ['employee'], label: 'nav.overtime', icon: <HourglassOutlined />, element: <Overtime /> },
  { path: 'handbook', audiences: ['employee'], label: 'nav.handbook', icon: <BookOutlined />, element: <Handbook /> },
  { path: 'my-records', audiences: ['employee'], label: 'nav.myRecords', icon: <SafetyCertificateOutlined />, element: <MyRecords /> },
  { path: 'notifications', audiences: ['employee'], label: 'nav.notifications', icon: <BellOutlined />, element: <NotificationsPage /> },
  { path: 'me', audiences: ['employee'], label: 'nav.me', icon: <UserOutlined />, tab: true, element: <Me /> },
];
