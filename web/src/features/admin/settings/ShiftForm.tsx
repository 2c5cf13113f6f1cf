import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { type MessageKey, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { addDays, todayIn } from '../../../lib/time';
import { bannerAfter } from '../shared';

type Values = Schemas['PutShiftDto'];

/** Changes a shift's sessions from a date on (PUT /shifts/{code}); earlier days keep theirs. */
export function ShiftForm({ shift, onClose }: { shift: Schemas['ShiftDto'] | null; onClose: () => void }) {
  const t = useT();
  const { timeZone } = useCompany();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);

  useEffect(() => {
    if (!shift) return;
    form.resetFields();
    form.setFieldsValue({ effectiveFrom: addDays(todayIn(timeZone), 1), sessions: shift.sessions });
    setBanner(null);
  }, [shift, form, timeZone]);

  const save = useMutation({
    mutationFn: (values: Values) => unwrap(api.PUT('/shifts/{code}', { params: { path: { code: shift!.code } }, body: values })),
    onSuccess: (version) => {
      void queryClient.invalidateQueries({ queryKey: ['shifts'] });
      void message.success(t('admin.rules.saved', { date: version.effectiveFrom }));
      onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });
  const time = { pattern: /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, message: t('admin.shifts.timeFormat') };
  return (
    <Modal
      open={!!shift}
      title={shift ? t('admin.shifts.changeTitle', { shift: t(`admin.shift.${shift.code}` as MessageKey) }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {banner ? <ErrorAlert error={banner} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="effectiveFrom" label={t('admin.rules.effectiveFrom')} extra={t('admin.rules.effectiveFromHelp')} rules={[{ required: true, message: t('admin.form.required') }]}>
          <Input type="date" />
        </Form.Item>
        <Form.List name="sessions">
          {(fields, { add, remove }, { errors }) => (
            <fieldset className="admin-fieldset">
              <legend>{t('admin.shifts.sessions')}</legend>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'start']} label={t('admin.shifts.start', { n: index + 1 })} rules={[{ required: true, message: t('admin.form.required') }, time]}>
                    <Input placeholder="08:30" inputMode="numeric" className="admin-time" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'end']} label={t('admin.shifts.end', { n: index + 1 })} rules={[{ required: true, message: t('admin.form.required') }, time]}>
                    <Input placeholder="12:00" inputMode="numeric" className="admin-time" />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('admin.shifts.remove', { n: index + 1 })} onClick={() => remove(field.name)} />
                  ) : null}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < 4 ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ start: '', end: '' })}>
                  {t('admin.shifts.add')}
                </Button>
              ) : null}
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
