import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { correctionSummary } from '../../employee/correction-labels';
import { bannerAfter, StaffName } from '../shared';

type Values = { reason: string };

/**
 * Cancels an approved (or filed) make-up punch with a reason: its punch is voided — kept, with the
 * reason, never deleted — and the day is judged again from the other punches; the terminal's own
 * records are untouched.
 */
export function CancelCorrection({ correction, onClose }: { correction: Schemas['PunchCorrectionDto'] | null; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);

  useEffect(() => {
    if (!correction) return;
    form.resetFields();
    setBanner(null);
  }, [correction, form]);

  const cancel = useMutation({
    mutationFn: (values: Values) => unwrap(api.POST('/punch-corrections/{id}/cancel', { params: { path: { id: correction!.id } }, body: { reason: values.reason.trim() } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['punch-corrections'] });
      void queryClient.invalidateQueries({ queryKey: ['attendance'] });
      void message.success(t('corr.admin.cancelled'));
      onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });

  return (
    <Modal
      open={!!correction}
      title={t('corr.admin.cancelTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('corr.admin.cancelOk')}
      okButtonProps={{ danger: true }}
      cancelText={t('action.cancel')}
      confirmLoading={cancel.isPending}
      destroyOnHidden
    >
      {correction ? (
        <Alert
          type="info"
          showIcon
          className="admin-gap-bottom"
          title={
            <>
              <StaffName id={correction.staffId} /> · {correction.date} · {correctionSummary(correction, timeZone, language, t)}
            </>
          }
          description={t('corr.admin.cancelBody')}
        />
      ) : null}
      {banner ? <ErrorAlert error={banner} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => cancel.mutate(values)} initialValues={{ reason: '' }}>
        <Form.Item name="reason" label={t('corr.admin.cancelReason')} rules={[{ required: true, whitespace: true, min: 3, message: t('corr.admin.reasonMin') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
