import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { bannerAfter, StaffName, useStaffLabel } from '../shared';

type Values = { reason: string; false: boolean };

/**
 * Revokes a signed business trip: the day falls back to what the punches say. Revoked as a FALSE
 * certification (H-ATT-9) it also opens a disciplinary record against the employee and against
 * the supervisor who signed, linked to each other — so that choice is confirmed in its own words.
 */
export function RevokeExemption({ exemption, onClose }: { exemption: Schemas['ExemptionDto'] | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);
  const asFalse = Form.useWatch('false', form);
  // The confirmation is rendered outside this tree (App.useApp's modal), so it gets names, not components.
  const employee = useStaffLabel(exemption?.staffId).label ?? exemption?.staffId ?? '';
  const certifier = useStaffLabel(exemption?.certifiedBy).label ?? exemption?.certifiedBy ?? '—';

  useEffect(() => {
    if (!exemption) return;
    form.resetFields();
    form.setFieldsValue({ reason: '', false: false });
    setBanner(null);
  }, [exemption, form]);

  const revoke = useMutation({
    mutationFn: (values: Values) => unwrap(api.POST('/exemptions/{id}/revoke', { params: { path: { id: exemption!.id } }, body: values })),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: ['exemptions'] });
      void queryClient.invalidateQueries({ queryKey: ['disciplinary'] });
      void message.success(answer.revokedAsFalse ? t('admin.requests.revokedFalse') : t('admin.requests.revoked'));
      onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });

  const submit = (values: Values) => {
    if (!values.false) return revoke.mutate(values);
    modal.confirm({
      title: t('admin.requests.falseConfirmTitle'),
      content: (
        <div>
          <p>{t('admin.requests.falseConfirmBody')}</p>
          <ul>
            <li>
              {t('admin.requests.falseEmployee')}: {employee}
            </li>
            <li>
              {t('admin.requests.falseSupervisor')}: {certifier}
            </li>
          </ul>
          <p>{t('admin.requests.falseConfirmFinal')}</p>
        </div>
      ),
      okText: t('admin.requests.falseConfirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: () => revoke.mutateAsync(values).catch(() => undefined),
    });
  };

  return (
    <Modal
      open={!!exemption}
      title={t('admin.requests.revokeTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={asFalse ? t('admin.requests.revokeFalseOk') : t('admin.requests.revokeOk')}
      okButtonProps={{ danger: true }}
      cancelText={t('action.cancel')}
      confirmLoading={revoke.isPending}
      destroyOnHidden
    >
      {exemption ? (
        <Alert
          type="info"
          showIcon
          className="admin-gap-bottom"
          title={
            <>
              <StaffName id={exemption.staffId} /> · {exemption.date} · {exemption.destination}
            </>
          }
          description={t('admin.requests.revokeBody')}
        />
      ) : null}
      {banner ? <ErrorAlert error={banner} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, message: t('admin.form.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="false" valuePropName="checked" extra={t('admin.requests.falseHelp')}>
          <Checkbox>{t('admin.requests.asFalse')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
