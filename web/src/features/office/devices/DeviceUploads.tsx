import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import { Empty, ScrollBox } from '../ScrollBox';

type Device = Schemas['DeviceDto'];
type Upload = Schemas['DeviceUploadDto'];
const PAGE_SIZE = 10;

/** What the terminal uploaded that the service keeps without reading it (rtlog, OPERLOG…), readable as received. */
export function DeviceUploads({ device }: { device: Device }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const [page, setPage] = useState(1);
  const uploads = useQuery({
    queryKey: ['devices', 'uploads', device.id, page],
    queryFn: () => unwrap(api.GET('/devices/{id}/uploads', { params: { path: { id: device.id }, query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const when = (at: string) => formatDateTime(at, timeZone, language);

  return (
    <Card size="small" title={<h2 className="card-title">{t('terminals.uploads')}</h2>}>
      <p className="office-muted">{t('terminals.uploadsHelp')}</p>
      {device.uploadsDropped > 0 ? <Alert type="info" showIcon title={t('terminals.uploadsDropped', { count: device.uploadsDropped })} style={{ marginBottom: 12 }} /> : null}
      {uploads.error ? <ErrorAlert error={uploads.error} onRetry={() => void uploads.refetch()} /> : null}
      <ScrollBox label={t('terminals.uploads')}>
        <Table<Upload>
          className="office-table"
          rowKey={(upload) => `${upload.kind}|${upload.stamp ?? ''}|${upload.firstReceivedAt}`}
          size="small"
          loading={uploads.isFetching}
          dataSource={uploads.data?.items ?? []}
          locale={{ emptyText: <Empty>{t('terminals.uploadsNone')}</Empty> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: uploads.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('list.total', { total }), hideOnSinglePage: true }}
          columns={[
            { title: t('terminals.upload.kind'), dataIndex: 'kind', render: (kind: string) => <span className="office-mono terminal-kind">{kind}</span> },
            {
              title: t('terminals.upload.content'),
              dataIndex: 'excerpt',
              render: (excerpt: string, upload) => (
                <div>
                  <pre className="terminal-text" tabIndex={0}>{excerpt}</pre>
                  {upload.bodyLength > excerpt.length ? <div className="office-muted">{t('terminals.upload.cut', { shown: excerpt.length, total: upload.bodyLength })}</div> : null}
                </div>
              ),
            },
            { title: t('terminals.upload.lines'), dataIndex: 'lines' },
            { title: t('terminals.upload.stamp'), dataIndex: 'stamp', render: (stamp: string | null) => stamp ?? '—' },
            { title: t('office.devices.field.times'), dataIndex: 'times' },
            { title: t('office.devices.field.lastReceived'), dataIndex: 'lastReceivedAt', render: when },
          ]}
        />
      </ScrollBox>
    </Card>
  );
}
