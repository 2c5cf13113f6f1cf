import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert, useErrorText } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import { AdminTable, StateTag } from '../shared';
import { Acknowledgements } from './Acknowledgements';
import { Articles } from './Articles';
import { HandbookDiff } from './HandbookDiff';
import '../admin.css';

type Summary = Schemas['HandbookVersionSummaryDto'];

/**
 * Drafting the handbook (H-CON-1…): every version, one draft at a time started from the current
 * one, its articles edited, compared with the version in force, then published — after which it
 * never changes — and who has acknowledged each published version.
 */
export default function HandbookPage() {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const versions = useQuery({ queryKey: ['handbook', 'versions'], queryFn: () => unwrap(api.GET('/handbook/versions')) });
  const [chosen, setChosen] = useState<number | null>(null);
  const [drafting, setDrafting] = useState(false);

  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.number - a.number);
  const draft = items.find((version) => version.status === 'draft');
  const current = items.find((version) => version.status === 'published');
  const selected = items.find((version) => version.number === chosen) ?? draft ?? current;

  const publish = useMutation({
    mutationFn: (n: number) => unwrap(api.POST('/handbook/versions/{n}/publish', { params: { path: { n } } })),
    onSuccess: (version) => {
      void queryClient.invalidateQueries({ queryKey: ['handbook'] });
      void message.success(t('admin.handbook.published', { n: version.number }));
      setChosen(version.number);
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const confirmPublish = (n: number) =>
    modal.confirm({
      title: t('admin.handbook.publishTitle', { n }),
      content: t('admin.handbook.publishBody'),
      okText: t('admin.handbook.publish'),
      cancelText: t('action.cancel'),
      onOk: () => publish.mutateAsync(n).catch(() => undefined),
    });

  return (
    <div className="admin-page">
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} disabled={!!draft} onClick={() => setDrafting(true)} title={draft ? t('admin.handbook.oneDraft') : undefined}>
            {t('admin.handbook.startDraft')}
          </Button>
        }
      >
        {t('admin.handbook.title')}
      </PageTitle>
      {versions.error ? <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} /> : null}
      <Card title={<h2 className="card-title">{t('admin.handbook.versions')}</h2>}>
        <AdminTable<Summary>
          size="small"
          rowKey="number"
          loading={versions.isLoading}
          dataSource={items}
          pagination={items.length > 10 ? { pageSize: 10 } : false}
            rowClassName={(version) => (version.number === selected?.number ? 'admin-row-selected' : '')}
          columns={[
            { title: t('admin.handbook.version'), dataIndex: 'number', render: (n: number) => t('admin.handbook.versionN', { n }) },
            {
              title: t('field.status'),
              dataIndex: 'status',
              render: (status: string, version) => (
                <>
                  <StateTag state={status} /> {version.number === current?.number ? <span className="admin-chip">{t('admin.handbook.inForce')}</span> : null}
                </>
              ),
            },
            { title: t('admin.handbook.note'), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
            { title: t('admin.handbook.publishedAt'), dataIndex: 'publishedAt', render: (at: string | null) => (at ? formatDateTime(at, timeZone, language) : '—') },
            {
              title: t('admin.actions'),
              key: 'open',
              render: (_, version) => (
                <Button size="small" type={version.number === selected?.number ? 'primary' : 'default'} onClick={() => setChosen(version.number)} aria-label={t('admin.handbook.openN', { n: version.number })}>
                  {t('admin.handbook.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {versions.isLoading ? <Skeleton active /> : null}
      {selected ? (
        <Card
          className="admin-gap"
          title={
            <h2 className="card-title">
              {t('admin.handbook.versionN', { n: selected.number })} <StateTag state={selected.status} />
            </h2>
          }
          extra={
            selected.status === 'draft' ? (
              <Button type="primary" loading={publish.isPending} onClick={() => confirmPublish(selected.number)}>
                {t('admin.handbook.publish')}
              </Button>
            ) : null
          }
        >
          <Tabs
            items={[
              { key: 'articles', label: t('admin.handbook.articles'), children: <Articles n={selected.number} editable={selected.status === 'draft'} /> },
              ...(current && current.number !== selected.number
                ? [{ key: 'diff', label: t('admin.handbook.diffTab', { n: current.number }), children: <HandbookDiff from={current.number} to={selected.number} /> }]
                : []),
              ...(selected.status === 'published'
                ? [{ key: 'acks', label: t('admin.handbook.acknowledgements'), children: <Acknowledgements version={selected.number} /> }]
                : []),
            ]}
          />
        </Card>
      ) : null}
      <StartDraft open={drafting} onClose={() => setDrafting(false)} onStarted={(n) => setChosen(n)} />
    </div>
  );
}

/** A new draft starts as a copy of the version in force, with a note saying why. */
function StartDraft({ open, onClose, onStarted }: { open: boolean; onClose: () => void; onStarted: (n: number) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ note?: string }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [banner, setBanner] = useState<unknown>(null);
  const start = useMutation({
    mutationFn: (note?: string) => unwrap(api.POST('/handbook/versions', { body: note?.trim() ? { note: note.trim() } : {} })),
    onSuccess: (version) => {
      void queryClient.invalidateQueries({ queryKey: ['handbook'] });
      void message.success(t('admin.handbook.drafted', { n: version.number }));
      onStarted(version.number);
      form.resetFields();
      setBanner(null);
      onClose();
    },
    onError: (error) => setBanner(error),
  });
  return (
    <Modal
      open={open}
      title={t('admin.handbook.startDraft')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.handbook.startDraft')}
      cancelText={t('action.cancel')}
      confirmLoading={start.isPending}
    >
      {banner ? <ErrorAlert error={banner} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => start.mutate(values.note)}>
        <Form.Item name="note" label={t('admin.handbook.note')} extra={t('admin.handbook.noteHelp')}>
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
