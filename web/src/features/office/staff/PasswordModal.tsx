import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { showFormErrors } from '../form-errors';

type Staff = Schemas['StaffDto'];

/**
 * The office sets a new password for someone who forgot theirs. The admin types it (and tells the
 * person); the service keeps only a hash, and signs the person out of their other sessions.
 */
export function PasswordModal({ staff, open, onClose }: { staff: Staff; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string; repeat: string }>();
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setFailure(null);
    }
  }, [open, form]);

  const save = useMutation({
    mutationFn: (newPassword: string) => unwrap(api.POST('/staff/{id}/password', { params: { path: { id: staff.id } }, body: { newPassword } })),
    onSuccess: () => {
      void message.success(t('office.staff.passwordSet', { name: staff.name }));
      onClose();
    },
    onError: (error) => setFailure(showFormErrors(form, error) ? null : error),
  });

  return (
    <Modal
      open={open}
      title={t('office.staff.resetPasswordTitle', { name: staff.name })}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph className="office-muted">{t('office.staff.resetPasswordBody')}</Typography.Paragraph>
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form form={form} layout="vertical" initialValues={{ newPassword: '', repeat: '' }} onFinish={(values) => save.mutate(values.newPassword)}>
        <Form.Item name="newPassword" label={t('office.staff.field.newPassword')} rules={[{ required: true, message: t('office.required') }, { min: 8, message: t('office.staff.passwordRule') }, { max: 128 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('office.staff.field.repeatPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('office.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('office.staff.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
