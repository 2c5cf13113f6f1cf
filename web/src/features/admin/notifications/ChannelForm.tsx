import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { StaffPicker } from '../../../components/StaffPicker';
import { type MessageKey, useT } from '../../../i18n';
import { bannerAfter, FormModal, useStaffLabel } from '../shared';
import { CHANNELS_KEY } from './ChannelList';
import { CHANNEL_KINDS, MESSAGE_KINDS } from './kinds';

type Channel = Schemas['ChannelDto'];
type Kind = Channel['kind'];
interface Values {
  kind: Kind;
  name: string;
  url: string;
  secret: string;
  removeSecret: boolean;
  scope: Channel['scope'];
  teamLeadId: string | null;
  eventKinds: Channel['eventKinds'];
}

/**
 * Adding or changing a group robot or webhook. The URL and the secret are write-only: when editing
 * they start empty (left empty, they stay as they are) and the form says only that they are set.
 */
export function ChannelForm({ channel, onClose }: { channel: Channel | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form) ?? channel?.kind ?? 'dingtalk';
  const scope = Form.useWatch('scope', form) ?? channel?.scope ?? 'office';
  const removeSecret = Form.useWatch('removeSecret', form) ?? false;
  const { label: leadLabel } = useStaffLabel(channel?.teamLeadId);
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const teamLeadId = values.scope === 'team' ? values.teamLeadId : null;
      if (!channel) {
        return unwrap(
          api.POST('/notification-channels', {
            body: { kind: values.kind, name: values.name, url: values.url, secret: values.secret ? values.secret : null, scope: values.scope, teamLeadId, eventKinds: values.eventKinds },
          }),
        );
      }
      const body: Schemas['UpdateChannelDto'] = { name: values.name, scope: values.scope, teamLeadId, eventKinds: values.eventKinds };
      if (values.url) body.url = values.url;
      if (values.secret) body.secret = values.secret;
      else if (values.removeSecret) body.secret = null;
      return unwrap(api.PATCH('/notification-channels/{id}', { params: { path: { id: channel.id } }, body }));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: CHANNELS_KEY });
      void message.success(t('notify.channels.saved', { name: saved.name }));
      onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });
  const [initialValues] = useState<Values>(() => ({
    kind: channel?.kind ?? 'dingtalk',
    name: channel?.name ?? '',
    url: '',
    secret: '',
    removeSecret: false,
    scope: channel?.scope ?? 'office',
    teamLeadId: channel?.teamLeadId ?? null,
    eventKinds: channel?.eventKinds ?? [],
  }));
  // Once, when the dialog opens: every field present, so that the service's errors find theirs.
  useEffect(() => form.setFieldsValue(initialValues), [form, initialValues]);
  const required = { required: true, message: t('admin.form.required') };
  return (
    <FormModal<Values>
      open
      title={channel ? t('notify.channels.edit', { name: channel.name }) : t('notify.channels.add')}
      form={form}
      onClose={onClose}
      onFinish={(values) => save.mutate({ ...initialValues, ...values })}
      pending={save.isPending}
      banner={banner}
      width={640}
    >
      <Form.Item name="kind" label={t('notify.channels.kind')} rules={[required]}>
        <Select<Kind> disabled={!!channel} options={CHANNEL_KINDS.map((value) => ({ value, label: t(`notify.channels.kind.${value}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('notify.channels.name')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="url" label={t('notify.channels.url')} extra={t('notify.channels.urlHelp')} rules={channel ? [] : [required]}>
        <Input
          type="url"
          inputMode="url"
          autoComplete="off"
          maxLength={2000}
          placeholder={channel ? t('notify.channels.urlKeep', { host: channel.urlHost, last4: channel.urlLast4 }) : 'https://…'}
        />
      </Form.Item>
      <Form.Item
        name="secret"
        label={t('notify.channels.secret')}
        extra={t(kind === 'webhook' ? 'notify.channels.secretHelp.webhook' : 'notify.channels.secretHelp.robot')}
        rules={kind === 'webhook' && !channel?.secretSet ? [required] : []}
      >
        <Input.Password
          autoComplete="new-password"
          maxLength={200}
          disabled={removeSecret}
          placeholder={channel?.secretSet ? t('notify.channels.secretKeep') : kind === 'webhook' ? 'whsec_…' : ''}
          visibilityToggle={false}
        />
      </Form.Item>
      {channel?.secretSet && kind !== 'webhook' ? (
        <Form.Item name="removeSecret" valuePropName="checked">
          <Checkbox>{t('notify.channels.secretRemove')}</Checkbox>
        </Form.Item>
      ) : null}
      <Form.Item name="scope" label={t('notify.channels.scope')}>
        <Radio.Group
          options={[
            { value: 'office', label: t('notify.channels.scope.office') },
            { value: 'team', label: t('notify.channels.scope.team') },
          ]}
          className="admin-notify-scope"
        />
      </Form.Item>
      {scope === 'team' ? (
        <Form.Item name="teamLeadId" label={t('notify.channels.teamLead')} rules={[required]}>
          <StaffPicker aria-label={t('notify.channels.teamLead')} initialLabel={leadLabel} />
        </Form.Item>
      ) : null}
      {/* A group of checkboxes takes no aria-required: the rule is a validator, the service's own check besides. */}
      <Form.Item
        name="eventKinds"
        label={t('notify.channels.eventKinds')}
        rules={[{ validator: (_, kinds?: string[]) => (kinds && kinds.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('admin.form.required')))) }]}
      >
        <Checkbox.Group className="admin-notify-kind-checks" options={MESSAGE_KINDS.map((value) => ({ value, label: t(`notify.event.${value}` as MessageKey) }))} />
      </Form.Item>
    </FormModal>
  );
}
