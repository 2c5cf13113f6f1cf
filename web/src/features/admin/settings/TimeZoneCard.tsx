import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { bannerAfter } from '../shared';

/** Every IANA zone the browser knows; the service validates the name again. */
function zoneNames(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

/**
 * The company's time zone decides which calendar day every punch belongs to, so changing it
 * recomputes every open day: it is asked for twice.
 */
export function TimeZoneCard({ settings }: { settings: Schemas['SettingsDto'] }) {
  const t = useT();
  const [form] = Form.useForm<{ timeZone: string }>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const options = useMemo(() => zoneNames(settings.timeZone).map((zone) => ({ value: zone, label: zone })), [settings.timeZone]);
  const save = useMutation({
    mutationFn: (timeZone: string) => unwrap(api.PUT('/settings/time-zone', { body: { timeZone } })),
    onSuccess: (answer) => {
      queryClient.setQueryData(['settings'], answer);
      void queryClient.invalidateQueries();
      setUnplaced(null);
      void message.success(t('saved'));
    },
    onError: (error) => setUnplaced(bannerAfter(form, error)),
  });
  const confirm = ({ timeZone }: { timeZone: string }) => {
    if (timeZone === settings.timeZone) return;
    modal.confirm({
      title: t('admin.timeZone.confirmTitle', { zone: timeZone }),
      content: t('admin.timeZone.confirmBody', { from: settings.timeZone, to: timeZone }),
      okText: t('admin.timeZone.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: () => save.mutateAsync(timeZone).catch(() => undefined),
    });
  };
  return (
    <Card title={<h2 className="card-title">{t('admin.timeZone.title')}</h2>}>
      {unplaced ? <ErrorAlert error={unplaced} /> : null}
      <Typography.Paragraph type="secondary">{t('admin.timeZone.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ timeZone: settings.timeZone }} onFinish={confirm}>
        <Form.Item name="timeZone" label={t('admin.timeZone.label')}>
          <Select showSearch options={options} />
        </Form.Item>
        <Button htmlType="submit" loading={save.isPending}>
          {t('admin.timeZone.change')}
        </Button>
      </Form>
    </Card>
  );
}
