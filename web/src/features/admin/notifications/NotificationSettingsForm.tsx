import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { type MessageKey, useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import { bannerAfter } from '../shared';
import { MESSAGE_KINDS } from './kinds';

type Settings = Schemas['NotificationSettingsDto'];
type Values = Omit<Settings, 'emailConfigured' | 'updatedAt'>;
export const SETTINGS_KEY = ['notification-settings'] as const;

const NUMBERS: { name: keyof Omit<Values, 'emailKinds'>; min: number; max: number }[] = [
  { name: 'reminderHours', min: 1, max: 720 },
  { name: 'escalationHours', min: 1, max: 720 },
  { name: 'digestHour', min: 0, max: 23 },
  { name: 'terminalSilentMinutes', min: 5, max: 10080 },
  { name: 'retentionDays', min: 7, max: 3650 },
];

/** The office's notification settings: every field the service has, its errors beside the field. */
export function NotificationSettingsForm() {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<unknown>(null);
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => unwrap(api.GET('/notification-settings')) });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (values: Values) => unwrap(api.PUT('/notification-settings', { body: values })),
    onSuccess: (saved) => {
      setBanner(null);
      queryClient.setQueryData(SETTINGS_KEY, saved);
      void message.success(t('notify.settings.saved'));
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });
  if (settings.isLoading) return <Skeleton active />;
  if (settings.error) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Card>
      {settings.data && !settings.data.emailConfigured ? <Alert type="warning" showIcon title={t('notify.settings.emailOff')} className="admin-gap-bottom" /> : null}
      {banner ? <ErrorAlert error={banner} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)} className="admin-notify-settings">
        <div className="admin-form-row">
          {NUMBERS.map(({ name, min, max }) => (
            <Form.Item
              key={name}
              name={name}
              label={t(`notify.settings.${name}` as MessageKey)}
              extra={t(`notify.settings.${name}Help` as MessageKey)}
              rules={[{ required: true, message: t('notify.settings.required') }]}
            >
              <InputNumber min={min} max={max} precision={0} className="admin-notify-number" />
            </Form.Item>
          ))}
        </div>
        <Form.Item name="emailKinds" label={t('notify.settings.emailKinds')} extra={t('notify.settings.emailKindsHelp')}>
          <Select mode="multiple" allowClear options={MESSAGE_KINDS.map((kind) => ({ value: kind, label: t(`notify.event.${kind}` as MessageKey) }))} />
        </Form.Item>
        <div className="admin-notify-actions">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('action.save')}
          </Button>
          {settings.data ? <Typography.Text type="secondary">{t('notify.settings.updatedAt', { at: formatDateTime(settings.data.updatedAt, timeZone, language) })}</Typography.Text> : null}
        </div>
      </Form>
    </Card>
  );
}
