import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import { Empty, ScrollBox } from '../ScrollBox';

type Unknown = Schemas['UnknownDeviceDto'];

/** Terminals that called in without being registered: usually a new machine waiting to be added. */
export function UnknownDevices({ onRegister }: { onRegister: (serial: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const unknown = useQuery({ queryKey: ['devices', 'unknown'], queryFn: () => unwrap(api.GET('/devices/unknown')) });
  return (
    <Card size="small" title={<h2 className="card-title">{t('office.devices.unknown')}</h2>}>
      <p className="office-muted">{t('office.devices.unknownHelp')}</p>
      {unknown.error ? <ErrorAlert error={unknown.error} onRetry={() => void unknown.refetch()} /> : null}
      <ScrollBox label={t('office.devices.unknown')}>
        <Table<Unknown>
          className="office-table"
          rowKey="serialNumber"
          size="small"
          loading={unknown.isLoading}
          dataSource={unknown.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty>{t('office.devices.unknownNone')}</Empty> }}
          columns={[
            { title: t('office.devices.field.serial'), dataIndex: 'serialNumber', render: (serial: string) => <span className="office-mono">{serial}</span> },
            { title: t('office.devices.field.firstSeen'), dataIndex: 'firstSeenAt', render: (at: string) => formatDateTime(at, timeZone, language) },
            { title: t('office.devices.field.lastSeen'), dataIndex: 'lastSeenAt', render: (at: string) => formatDateTime(at, timeZone, language) },
            { title: t('office.devices.field.attempts'), dataIndex: 'attempts' },
            { title: t('office.devices.field.lastIp'), dataIndex: 'lastIp', render: (ip: string | null) => ip ?? '—' },
            { title: t('office.devices.field.lastRequest'), dataIndex: 'lastRequest', render: (request: string) => <span className="office-mono">{request}</span> },
            {
              title: t('office.staff.actions'),
              key: 'register',
              render: (_, row) => (
                <Button size="small" type="primary" ghost onClick={() => onRegister(row.serialNumber)} aria-label={t('office.devices.registerSerial', { serial: row.serialNumber })}>
                  {t('office.devices.registerThis')}
                </Button>
              ),
            },
          ]}
        />
      </ScrollBox>
    </Card>
  );
}
