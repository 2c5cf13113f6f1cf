import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { bannerAfter, StaffName } from '../shared';

export type Resolution = 'uphold' | 'withdraw';

/**
 * Upholds an appeal or withdraws a record, with the reason the employee will read. Both are final,
 * so the dialog says so and its button names the act: this dialog is the confirmation.
 */
export function Resolve({ target, onClose }: { target: { record: Schemas['DisciplinaryRecordDto']; kind: Resolution } | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    setBanner(null);
  }, [target, form]);
  const resolve = useMutation({
    mutationFn: ({ reason }: { reason: string }) => {
      const path = { params: { path: { id: target!.record.id } }, body: { reason } };
      return unwrap(target!.kind === 'uphold' ? api.POST('/disciplinary-records/{id}/uphold', path) : api.POST('/disciplinary-records/{id}/withdraw', path));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['disciplinary'] });
      void message.success(target!.kind === 'uphold' ? t('admin.disciplinary.upheld') : t('admin.disciplinary.withdrawn'));
      onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });
  const withdraw = target?.kind === 'withdraw';
  return (
    <Modal
      open={!!target}
      title={withdraw ? t('admin.disciplinary.withdrawTitle') : t('admin.disciplinary.upholdTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={withdraw ? t('admin.disciplinary.withdrawOk') : t('admin.disciplinary.upholdOk')}
      okButtonProps={{ danger: withdraw }}
      cancelText={t('action.cancel')}
      confirmLoading={resolve.isPending}
      destroyOnHidden
    >
      {target ? (
        <Alert
          type="warning"
          showIcon
          className="admin-gap-bottom"
          title={
            <>
              <StaffName id={target.record.staffId} /> · {target.record.occurredOn}
            </>
          }
          description={withdraw ? t('admin.disciplinary.withdrawBody') : t('admin.disciplinary.upholdBody')}
        />
      ) : null}
      {banner ? <ErrorAlert error={banner} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => resolve.mutate(values)}>
        <Form.Item name="reason" label={t('field.reason')} extra={t('admin.disciplinary.reasonHelp')} rules={[{ required: true, message: t('admin.form.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
