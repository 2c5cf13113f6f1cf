import { useQuery } from '@tanstack/react-query';
import { Button, Card, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { type MessageKey, useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { ShiftForm } from './ShiftForm';
import { AdminTable } from '../shared';
import '../admin.css';

type Shift = Schemas['ShiftDto'];
export const sessionsText = (sessions: Schemas['LocalSessionDto'][]) => sessions.map((s) => `${s.start}–${s.end}`).join('、');

/** The office (H-ATT-3) and duty (H-ATT-4) shifts: the sessions in force, every version, a change from a date on. */
export default function ShiftsPage() {
  const t = useT();
  const shifts = useQuery({ queryKey: ['shifts'], queryFn: () => unwrap(api.GET('/shifts')) });
  const [editing, setEditing] = useState<Shift | null>(null);
  return (
    <div className="admin-page">
      <PageTitle>{t('admin.shifts.title')}</PageTitle>
      {shifts.error ? <ErrorAlert error={shifts.error} onRetry={() => void shifts.refetch()} /> : null}
      {shifts.isLoading ? <Skeleton active /> : null}
      {shifts.data?.items.map((shift) => (
        <Card
          key={shift.code}
          title={<h2 className="card-title">{t(`admin.shift.${shift.code}` as MessageKey)}</h2>}
          extra={<Button onClick={() => setEditing(shift)}>{t('admin.shifts.change')}</Button>}
        >
          <Typography.Paragraph>
            {t('admin.shifts.inForce')}: <strong>{sessionsText(shift.sessions)}</strong>
          </Typography.Paragraph>
          <AdminTable
            size="small"
            rowKey="effectiveFrom"
            pagination={false}
            dataSource={[...shift.versions].reverse()}
            columns={[
              { title: t('admin.rules.effectiveFrom'), dataIndex: 'effectiveFrom' },
              { title: t('admin.shifts.sessions'), dataIndex: 'sessions', render: sessionsText },
            ]}
          />
        </Card>
      ))}
      <ShiftForm shift={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
