import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Dropdown, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import { DeviceForm } from './DeviceForm';
import { KeyModal } from './KeyModal';
import { UnknownDevices } from './UnknownDevices';
import { useDeviceActions } from './use-device-actions';
import { OfficeTag } from '../OfficeTag';
import { ClockSkew } from './ClockSkew';
import { RetryLinesModal, RetryResultModal } from './RetryLines';
import { Empty, ScrollBox } from '../ScrollBox';
import '../office.css';

type Device = Schemas['DeviceDto'];
type DeviceWithKey = Schemas['DeviceWithKeyDto'];
type RetryResult = Schemas['RetryResultDto'];

/** Attendance terminals and importers: who they are, when they last called, how their clocks run, their keys. */
export default function Devices() {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const devices = useQuery({ queryKey: ['devices', 'list'], queryFn: () => unwrap(api.GET('/devices')) });
  const [form, setForm] = useState<{ device: Device | null; serial?: string } | null>(null);
  const [key, setKey] = useState<DeviceWithKey | null>(null);
  const [retrying, setRetrying] = useState(false);
  const [retried, setRetried] = useState<RetryResult | null>(null);
  const actions = useDeviceActions(setKey);
  const when = (instant: string | null) => (instant ? formatDateTime(instant, timeZone, language) : <span className="office-muted">{t('office.devices.never')}</span>);

  return (
    <div className="office-page">
      <PageTitle
        extra={
          <Space wrap>
            <Button onClick={() => setRetrying(true)}>{t('terminals.retry.everyDevice')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ device: null })}>{t('office.devices.register')}</Button>
          </Space>
        }
      >
        {t('office.devices.title')}
      </PageTitle>
      {devices.error ? <ErrorAlert error={devices.error} onRetry={() => void devices.refetch()} /> : null}
      <Card size="small" title={<h2 className="card-title">{t('office.devices.registered')}</h2>} extra={<span className="office-muted">{t('timeZone.note', { zone: timeZone })}</span>}>
        <ScrollBox label={t('office.devices.registered')}>
          <Table<Device>
            className="office-table"
            rowKey="id"
            size="middle"
            loading={devices.isLoading}
            dataSource={devices.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: <Empty>{t('office.devices.none')}</Empty> }}
            columns={[
              { title: t('office.devices.field.name'), dataIndex: 'name', render: (name: string, device) => <Link to={`/office/devices/${device.id}`}>{name}</Link> },
              { title: t('office.devices.field.serial'), dataIndex: 'serialNumber', render: (serial: string) => <span className="office-mono">{serial}</span> },
              { title: t('office.devices.field.zone'), dataIndex: 'timeZone', render: (zone: string | null) => zone ?? t('office.devices.companyZone', { zone: timeZone }) },
              { title: t('office.devices.field.key'), dataIndex: 'keyPrefix', render: (prefix: string) => <span className="office-mono">{prefix}…</span> },
              { title: t('office.devices.field.lastSeen'), dataIndex: 'lastSeenAt', render: when },
              { title: t('office.devices.field.lastPunch'), dataIndex: 'lastPunchAt', render: when },
              { title: t('terminals.field.clock'), key: 'clock', render: (_, device) => <ClockSkew device={device} /> },
              {
                title: t('field.status'),
                dataIndex: 'active',
                // Users matching nobody are shown where there are some: a PIN to register or to delete on the terminal.
                render: (active: boolean, device) => (
                  <Space size={4} wrap>
                    {active ? <OfficeTag tone="good">{t('office.devices.active')}</OfficeTag> : <OfficeTag tone="bad">{t('office.devices.inactive')}</OfficeTag>}
                    {device.unmatchedUsers > 0 ? <OfficeTag tone="warn">{t('terminals.unmatchedUsers', { count: device.unmatchedUsers })}</OfficeTag> : null}
                  </Space>
                ),
              },
              {
                title: t('office.staff.actions'),
                key: 'actions',
                render: (_, device) => (
                  <Space size={4} wrap={false}>
                    <Button size="small" onClick={() => setForm({ device })} aria-label={t('office.devices.editNamed', { name: device.name })}>
                      {t('action.edit')}
                    </Button>
                    <Dropdown
                      trigger={['click']}
                      menu={{
                        items: [
                          { key: 'rotate', label: t('office.devices.rotate') },
                          { key: 'lines', label: <Link to={`/office/devices/${device.id}`}>{t('office.devices.rejectedLines')}</Link> },
                          device.active ? { key: 'off', label: t('office.devices.deactivate'), danger: true } : { key: 'on', label: t('office.devices.activate') },
                        ],
                        onClick: ({ key: action }) => {
                          if (action === 'rotate') actions.confirmRotate(device);
                          if (action === 'off') actions.confirmActive(device, false);
                          if (action === 'on') actions.confirmActive(device, true);
                        },
                      }}
                    >
                      <Button size="small" aria-label={t('office.devices.moreNamed', { name: device.name })}>{t('office.staff.more')}</Button>
                    </Dropdown>
                  </Space>
                ),
              },
            ]}
          />
        </ScrollBox>
      </Card>
      <UnknownDevices onRegister={(serial) => setForm({ device: null, serial })} />
      <RetryLinesModal open={retrying} device={null} onClose={() => setRetrying(false)} onResult={setRetried} />
      <RetryResultModal result={retried} devices={devices.data?.items ?? []} onClose={() => setRetried(null)} />
      <DeviceForm open={form !== null} device={form?.device ?? null} serial={form?.serial} onClose={() => setForm(null)} onRegistered={setKey} />
      <KeyModal device={key} onClose={() => setKey(null)} />
    </div>
  );
}
