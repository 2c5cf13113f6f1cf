import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Skeleton } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { type MessageKey, useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import { usePositionName } from '../use-positions';
import { DirectReports } from './DirectReports';
import { StaffActions } from './StaffActions';
import { StaffBalances } from './StaffBalances';
import { StaffForm } from './StaffForm';
import { OfficeTag } from '../OfficeTag';
import '../office.css';

/** One person's record as the office keeps it, with what the office can do to it, and their leave balances. */
export default function StaffDetail() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const positionName = usePositionName();
  const [editing, setEditing] = useState(false);
  const person = useQuery({ queryKey: ['staff', 'one', id], queryFn: () => unwrap(api.GET('/staff/{id}', { params: { path: { id } } })) });
  const staff = person.data;
  const supervisor = useQuery({
    queryKey: ['staff', 'one', staff?.supervisorId],
    queryFn: () => unwrap(api.GET('/staff/{id}', { params: { path: { id: staff!.supervisorId! } } })),
    enabled: !!staff?.supervisorId,
  });

  return (
    <div className="office-page">
      <div>
        <Link to="/office/staff">
          <ArrowLeftOutlined /> {t('office.staff.backToList')}
        </Link>
      </div>
      <PageTitle extra={staff ? <StaffActions staff={staff} onEdit={() => setEditing(true)} /> : null}>{staff?.name ?? t('office.staff.title')}</PageTitle>
      {person.error ? <ErrorAlert error={person.error} onRetry={() => void person.refetch()} /> : null}
      {person.isLoading ? <Skeleton active /> : null}
      {staff ? (
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('field.employeeNo')}>{staff.employeeNo}</Descriptions.Item>
            <Descriptions.Item label={t('office.staff.field.username')}>{staff.username}</Descriptions.Item>
            <Descriptions.Item label={t('office.staff.field.position')}>{positionName(staff.positionCode)}</Descriptions.Item>
            <Descriptions.Item label={t('office.staff.field.supervisor')}>
              {supervisor.data ? <Link to={`/office/staff/${supervisor.data.id}`}>{supervisor.data.name}</Link> : staff.supervisorId ? '…' : t('office.staff.noSupervisor')}
            </Descriptions.Item>
            <Descriptions.Item label={t('office.staff.field.roles')}>
              <OfficeTag tone="off">{t('role.employee')}</OfficeTag>
              {staff.roles.map((role) => <OfficeTag key={role} tone="role">{t(`role.${role}` as MessageKey)}</OfficeTag>)}
              {staff.isSupervisor ? <OfficeTag tone="off">{t('role.supervisor')}</OfficeTag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>
              {staff.active ? <OfficeTag tone="good">{t('office.staff.active')}</OfficeTag> : <OfficeTag tone="off">{t('office.staff.inactive')}</OfficeTag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('office.staff.field.hiredOn')}>{staff.hiredOn}</Descriptions.Item>
            <Descriptions.Item label={t('office.staff.field.leftOn')}>{staff.leftOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('office.staff.field.updatedAt')}>{formatDateTime(staff.updatedAt, timeZone, language)}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {staff ? <StaffBalances staff={staff} /> : null}
      {staff?.isSupervisor ? <DirectReports supervisorId={staff.id} /> : null}
      <StaffForm open={editing} staff={staff ?? null} onClose={() => setEditing(false)} />
    </div>
  );
}
