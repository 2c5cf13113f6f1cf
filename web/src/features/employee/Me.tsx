import { BellOutlined, BookOutlined, LogoutOutlined, RightOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Skeleton, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { audiencesOf } from '../../auth/session';
import { sessionStore } from '../../auth/session-store';
import { PageTitle } from '../../components/PageTitle';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../lib/errors';
import { formatDay } from '../../lib/time';
import { NotificationPreferences } from '../notifications/NotificationPreferences';
import { PasswordForm } from './PasswordForm';
import './employee.css';

/** Me: who the service says I am, the pages that do not fit the tab bar, how I am notified, my password, signing out. */
export default function Me() {
  const t = useT();
  const language = useLanguage();
  const navigate = useNavigate();
  const me = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/auth/me')), staleTime: 60_000 });
  const positions = useQuery({ queryKey: ['positions'], queryFn: () => unwrap(api.GET('/positions')), staleTime: 5 * 60_000 });
  const staff = me.data;
  const supervisorId = staff?.supervisorId ?? null;
  // Someone may see their supervisor's record or not (a 404 then): the row is simply left out.
  const supervisor = useQuery({
    queryKey: ['staff', 'one', supervisorId],
    queryFn: () => unwrap(api.GET('/staff/{id}', { params: { path: { id: supervisorId! } } })),
    enabled: !!supervisorId,
    retry: false,
  });
  const position = positions.data?.items.find((item) => item.code === staff?.positionCode);
  const signOut = () => {
    sessionStore.clear();
    navigate('/sign-in');
  };
  return (
    <div className="employee-page employee-me">
      <PageTitle>{t('me.title')}</PageTitle>
      <Card title={<h2 className="card-title">{t('me.profile')}</h2>}>
        {me.isLoading ? <Skeleton active /> : null}
        {me.error ? <ErrorAlert error={me.error} onRetry={() => void me.refetch()} /> : null}
        {staff ? (
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('field.name')}>{staff.name}</Descriptions.Item>
            <Descriptions.Item label={t('field.employeeNo')}>{staff.employeeNo}</Descriptions.Item>
            <Descriptions.Item label={t('signIn.username')}>{staff.username}</Descriptions.Item>
            <Descriptions.Item label={t('me.position')}>{position ? (language === 'en' ? position.nameEn : position.nameZh) : (staff.positionCode ?? '—')}</Descriptions.Item>
            {supervisor.data ? <Descriptions.Item label={t('me.supervisor')}>{supervisor.data.name}</Descriptions.Item> : null}
            <Descriptions.Item label={t('me.hiredOn')}>{formatDay(staff.hiredOn, language, { year: 'numeric', month: 'long', day: 'numeric' })}</Descriptions.Item>
            <Descriptions.Item label={t('me.roles')}>
              {[...audiencesOf(staff)].map((audience) => (
                <Tag key={audience}>{t(`role.${audience}` as MessageKey)}</Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
      <Card title={<h2 className="card-title">{t('me.more')}</h2>} className="employee-me-links">
        <nav aria-label={t('me.more')}>
          <Link to="/handbook" className="employee-me-link">
            <BookOutlined aria-hidden /> <span>{t('nav.handbook')}</span> <RightOutlined aria-hidden />
          </Link>
          <Link to="/notifications" className="employee-me-link">
            <BellOutlined aria-hidden /> <span>{t('nav.notifications')}</span> <RightOutlined aria-hidden />
          </Link>
          <Link to="/my-records" className="employee-me-link">
            <SafetyCertificateOutlined aria-hidden /> <span>{t('nav.myRecords')}</span> <RightOutlined aria-hidden />
          </Link>
        </nav>
      </Card>
      <Card title={<h2 className="card-title">{t('notify.prefs.title')}</h2>} className="employee-me-notifications">
        <NotificationPreferences />
      </Card>
      <Card title={<h2 className="card-title">{t('me.password')}</h2>}>
        <PasswordForm />
      </Card>
      <Button danger block icon={<LogoutOutlined />} onClick={signOut} className="employee-sign-out">
        {t('shell.signOut')}
      </Button>
    </div>
  );
}
