import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { useLanguage, useT } from '../../../i18n';
import { ErrorAlert, useErrorText } from '../../../lib/errors';
import { type Position, usePositions } from '../use-positions';
import { PositionForm } from './PositionForm';
import { OfficeTag } from '../OfficeTag';
import { Empty, ScrollBox } from '../ScrollBox';
import '../office.css';

/**
 * The position catalogue (H-ORG-1). A position is never deleted: retiring one keeps it on the people
 * who hold it and takes it out of the choices for anyone new; it can be brought back.
 */
export default function Positions() {
  const t = useT();
  const language = useLanguage();
  const nameOf = (position: Position) => (language === 'en' ? position.nameEn : position.nameZh);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const positions = usePositions();
  const [editing, setEditing] = useState<Position | 'new' | null>(null);

  const setActive = useMutation({
    mutationFn: ({ code, active }: { code: string; active: boolean }) => unwrap(api.PATCH('/positions/{code}', { params: { path: { code } }, body: { active } })),
    onSuccess: (saved) => {
      void message.success(saved.active ? t('office.positions.restored', { name: nameOf(saved) }) : t('office.positions.retired', { name: nameOf(saved) }));
      void queryClient.invalidateQueries({ queryKey: ['positions'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });

  return (
    <div className="office-page">
      <PageTitle extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('office.positions.new')}</Button>}>
        {t('office.positions.title')}
      </PageTitle>
      {positions.error ? <ErrorAlert error={positions.error} onRetry={() => void positions.refetch()} /> : null}
      <Card size="small">
        <ScrollBox label={t('office.positions.title')}>
          <Table<Position>
            className="office-table"
            locale={{ emptyText: <Empty>{t('list.empty')}</Empty> }}
          rowKey="code"
            size="middle"
            loading={positions.isLoading}
            dataSource={positions.data?.items ?? []}
            pagination={false}
            columns={[
              { title: t('office.positions.field.code'), dataIndex: 'code', render: (code: string) => <span className="office-mono">{code}</span> },
              { title: t('office.positions.field.nameZh'), dataIndex: 'nameZh' },
              { title: t('office.positions.field.nameEn'), dataIndex: 'nameEn' },
              {
                title: t('field.status'),
                dataIndex: 'active',
                render: (active: boolean) => (active ? <OfficeTag tone="good">{t('office.positions.inUse')}</OfficeTag> : <OfficeTag tone="off">{t('office.positions.retiredTag')}</OfficeTag>),
              },
              {
                title: t('office.staff.actions'),
                key: 'actions',
                render: (_, position) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => setEditing(position)} aria-label={t('office.positions.renameNamed', { name: nameOf(position) })}>
                      {t('office.positions.rename')}
                    </Button>
                    {position.active ? (
                      <Popconfirm
                        title={t('office.positions.retireTitle', { name: nameOf(position) })}
                        description={t('office.positions.retireBody')}
                        okText={t('office.positions.retire')}
                        cancelText={t('action.cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => setActive.mutateAsync({ code: position.code, active: false }).catch(() => undefined)}
                      >
                        <Button size="small" danger>{t('office.positions.retire')}</Button>
                      </Popconfirm>
                    ) : (
                      <Button size="small" onClick={() => setActive.mutate({ code: position.code, active: true })}>{t('office.positions.restore')}</Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </ScrollBox>
      </Card>
      <PositionForm open={editing !== null} position={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </div>
  );
}
