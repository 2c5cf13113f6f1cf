import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { type MessageKey, useT } from '../../../i18n';
import { StatusTag } from '../../../components/StatusTag';
import { ErrorAlert } from '../../../lib/errors';
import { AdminTable, StaffName, useStaffLabel } from '../shared';
import { ChannelForm } from './ChannelForm';

type Channel = Schemas['ChannelDto'];
export const CHANNELS_KEY = ['notification-channels'] as const;

/** The group robots and webhooks: add, edit, switch off and on. Secrets show only as "set". */
export function ChannelList() {
  const t = useT();
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  const channels = useQuery({ queryKey: CHANNELS_KEY, queryFn: () => unwrap(api.GET('/notification-channels')) });
  return (
    <div className="admin-notify-channels">
      <div className="page-toolbar">
        <Typography.Paragraph type="secondary" className="admin-notify-help">
          {t('notify.channels.help')}
        </Typography.Paragraph>
        <span className="spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('notify.channels.add')}
        </Button>
      </div>
      {channels.error ? <ErrorAlert error={channels.error} onRetry={() => void channels.refetch()} /> : null}
      <AdminTable<Channel>
        rowKey="id"
        size="small"
        loading={channels.isFetching}
        dataSource={channels.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <span className="admin-muted">{t('notify.channels.empty')}</span> }}
        columns={[
          { title: t('notify.channels.name'), dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
          { title: t('notify.channels.kind'), dataIndex: 'kind', render: (kind: string) => t(`notify.channels.kind.${kind}` as MessageKey) },
          { title: t('notify.channels.url'), key: 'url', render: (_, channel) => <code className="admin-nowrap">{`${channel.urlHost} … ${channel.urlLast4}`}</code> },
          { title: t('notify.channels.secret'), key: 'secret', render: (_, channel) => <SecretState channel={channel} /> },
          { title: t('notify.channels.scope'), key: 'scope', render: (_, channel) => <ScopeLabel channel={channel} /> },
          {
            title: t('notify.channels.eventKinds'),
            dataIndex: 'eventKinds',
            render: (kinds: string[]) => (
              <Space size={[4, 4]} wrap className="admin-notify-kinds">
                {kinds.map((kind) => (
                  <Tag key={kind}>{t(`notify.event.${kind}` as MessageKey)}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t('notify.channels.active'), key: 'active', render: (_, channel) => <ActiveSwitch channel={channel} /> },
          {
            title: t('admin.actions'),
            key: 'actions',
            render: (_, channel) => (
              <Button size="small" onClick={() => setEditing(channel)} aria-label={t('notify.channels.edit', { name: channel.name })}>
                {t('action.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing ? <ChannelForm channel={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

/** Write-only: whether a secret is set (and its last four), never the secret. */
export function SecretState({ channel }: { channel: Channel }) {
  const t = useT();
  if (!channel.secretSet) return <span className="admin-muted">{t('notify.channels.secretNotSet')}</span>;
  return <StatusTag status="present" label={channel.secretLast4 ? t('notify.channels.secretSetLast4', { last4: channel.secretLast4 }) : t('notify.channels.secretSet')} />;
}

function ScopeLabel({ channel }: { channel: Channel }) {
  const t = useT();
  const { label } = useStaffLabel(channel.scope === 'team' ? channel.teamLeadId : null);
  if (channel.scope === 'office') return <>{t('notify.channels.scopeShort.office')}</>;
  return label ? <>{t('notify.channels.scopeShort.team', { name: label })}</> : <StaffName id={channel.teamLeadId} />;
}

/** Switching a channel off or on, at once (audited by the service). */
function ActiveSwitch({ channel }: { channel: Channel }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (active: boolean) => unwrap(api.PATCH('/notification-channels/{id}', { params: { path: { id: channel.id } }, body: { active } })),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: CHANNELS_KEY });
      void message.success(t(saved.active ? 'notify.channels.switchedOn' : 'notify.channels.switchedOff', { name: saved.name }));
    },
  });
  return (
    <>
      <Switch checked={channel.active} loading={toggle.isPending} onChange={(active) => toggle.mutate(active)} aria-label={t('notify.channels.activeOf', { name: channel.name })} />
      {toggle.error ? <ErrorAlert error={toggle.error} /> : null}
    </>
  );
}
