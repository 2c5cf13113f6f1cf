import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, Modal, Popconfirm, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { type MessageKey, useLanguage, useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { formatDay } from '../../../lib/time';
import { bannerAfter } from '../shared';

type Day = Schemas['CalendarDayDto'];
type Values = { kind: Day['kind']; name?: string };

/**
 * One date: what it is and why, and the office's override of it — declare a holiday, cancel one
 * (a workday or rest day), add a make-up workday — or the override removed so that the date
 * follows the statutory calendar and the work week again.
 */
export function DayOverride({ day, month, onClose }: { day: Day | null; month: string; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);

  useEffect(() => {
    if (!day) return;
    form.resetFields();
    form.setFieldsValue({ kind: day.kind === 'holiday' ? 'workday' : 'holiday', name: day.source === 'override' ? (day.name ?? '') : '' });
    setBanner(null);
  }, [day, form]);

  const done = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: ['calendar', month] });
    void message.success(text);
    onClose();
  };
  const save = useMutation({
    mutationFn: (values: Values) =>
      unwrap(api.PUT('/calendar/{date}', { params: { path: { date: day!.date } }, body: { kind: values.kind, name: values.name?.trim() ? values.name.trim() : null } })),
    onSuccess: () => done(t('admin.calendar.overridden')),
    onError: (error) => setBanner(bannerAfter(form, error)),
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/calendar/{date}', { params: { path: { date: day!.date } } })),
    onSuccess: () => done(t('admin.calendar.removed')),
    onError: (error) => setBanner(error),
  });

  return (
    <Modal
      open={!!day}
      title={day ? formatDay(day.date, language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }) : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        day?.source === 'override' ? (
          <Popconfirm
            key="remove"
            title={t('admin.calendar.removeTitle')}
            description={t('admin.calendar.removeBody')}
            okText={t('admin.calendar.remove')}
            okButtonProps={{ danger: true }}
            cancelText={t('action.cancel')}
            onConfirm={() => remove.mutateAsync().catch(() => undefined)}
          >
            <Button danger loading={remove.isPending}>
              {t('admin.calendar.remove')}
            </Button>
          </Popconfirm>
        ) : null,
        <Button key="cancel" onClick={onClose}>
          {t('action.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {t('admin.calendar.override')}
        </Button>,
      ]}
    >
      {banner ? <ErrorAlert error={banner} /> : null}
      {day ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'kind', label: t('admin.calendar.kind'), children: `${t(`admin.calendar.kind.${day.kind}` as MessageKey)}${day.name ? `（${day.name}）` : ''}` },
            { key: 'source', label: t('admin.calendar.source'), children: t(`admin.calendar.sourceLong.${day.source}` as MessageKey) },
          ]}
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)} className="admin-gap">
        <Form.Item name="kind" label={t('admin.calendar.newKind')}>
          <Radio.Group
            options={(['holiday', 'makeup_workday', 'workday', 'rest'] as const).map((kind) => ({ value: kind, label: t(`admin.calendar.action.${kind}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('admin.calendar.name')} extra={t('admin.calendar.nameHelp')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
