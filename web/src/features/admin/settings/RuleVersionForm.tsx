import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { type MessageKey, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { addDays, todayIn } from '../../../lib/time';
import { ErrorAlert } from '../../../lib/errors';
import { bannerAfter } from '../shared';

type Values = Omit<Schemas['PutSettingsDto'], 'seriousLateMinutes' | 'absentAfterLateMinutes'> & {
  seriousLateMinutes?: number | null;
  absentAfterLateMinutes?: number | null;
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * A new version of the rules from a date on (PUT /settings): earlier days keep theirs. The form
 * starts from the version in force; an empty tier means the tier is off (null). Limits are the
 * service's to check, so that its sentence appears beside the field.
 */
export function RuleVersionForm({ open, onClose, base }: { open: boolean; onClose: () => void; base: Schemas['SettingVersionDto'] }) {
  const t = useT();
  const { timeZone } = useCompany();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ ...base, effectiveFrom: addDays(todayIn(timeZone), 1) });
    setBanner(null);
  }, [open, base, form, timeZone]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.PUT('/settings', {
          body: { ...values, seriousLateMinutes: values.seriousLateMinutes ?? null, absentAfterLateMinutes: values.absentAfterLateMinutes ?? null },
        }),
      ),
    onSuccess: (version) => {
      void queryClient.invalidateQueries({ queryKey: ['settings'] });
      void message.success(t('admin.rules.saved', { date: version.effectiveFrom }));
      onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });

  const required = { required: true, message: t('admin.form.required') };
  return (
    <Modal
      open={open}
      title={t('admin.rules.newVersion')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      {banner ? <ErrorAlert error={banner} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)} className="admin-form">
        <Form.Item name="effectiveFrom" label={t('admin.rules.effectiveFrom')} extra={t('admin.rules.effectiveFromHelp')} rules={[required]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="workWeek" label={t('admin.rules.workWeek')} extra={t('admin.rules.workWeekHelp')}>
          <Checkbox.Group options={WEEKDAYS.map((day) => ({ value: day, label: t(`admin.weekday.${day}` as MessageKey) }))} />
        </Form.Item>
        <div className="admin-form-row">
          <Form.Item name="punchWindowOpenMinutes" label={t('admin.rules.windowOpen')} extra={t('admin.rules.windowOpenHelp')} rules={[required]}>
            <InputNumber precision={0} suffix={t('admin.rules.min')} />
          </Form.Item>
          <Form.Item name="punchWindowCloseMinutes" label={t('admin.rules.windowClose')} extra={t('admin.rules.windowCloseHelp')} rules={[required]}>
            <InputNumber precision={0} suffix={t('admin.rules.min')} />
          </Form.Item>
        </div>
        <div className="admin-form-row">
          <Form.Item name="graceMinutes" label={t('admin.rules.grace')} extra={t('admin.rules.graceHelp')} rules={[required]}>
            <InputNumber precision={0} suffix={t('admin.rules.min')} />
          </Form.Item>
          <Form.Item name="seriousLateMinutes" label={t('admin.rules.seriousLate')} extra={t('admin.rules.tierHelp')}>
            <InputNumber precision={0} suffix={t('admin.rules.min')} />
          </Form.Item>
          <Form.Item name="absentAfterLateMinutes" label={t('admin.rules.absentAfterLate')} extra={t('admin.rules.tierHelp')}>
            <InputNumber precision={0} suffix={t('admin.rules.min')} />
          </Form.Item>
        </div>
        <Form.Item name="missingClockOutIsEarlyLeave" label={t('admin.rules.missingOut')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="missingClockInIsAbsence" label={t('admin.rules.missingIn')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
