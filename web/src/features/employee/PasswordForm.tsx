import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../auth/session';
import { sessionStore } from '../../auth/session-store';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../lib/errors';
import { placeErrors } from './shared';

interface Values {
  oldPassword: string;
  newPassword: string;
  repeat: string;
}

/**
 * Changing my password. The service signs every session out when a password changes (the token
 * version moves), so this one signs straight back in with the new password instead of dropping
 * the person on the sign-in page.
 */
export function PasswordForm() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const change = useMutation({
    mutationFn: async ({ oldPassword, newPassword }: Values) => {
      await unwrap(api.POST('/staff/{id}/password', { params: { path: { id: me.id } }, body: { oldPassword, newPassword } }));
      const session = await unwrap(api.POST('/auth/login', { body: { username: me.username, password: newPassword } }));
      sessionStore.set({ token: session.accessToken, expiresAt: Date.now() + session.expiresIn * 1000, staff: session.staff });
    },
    onSuccess: () => {
      void message.success(t('me.passwordChanged'));
      form.resetFields();
      setFailure(null);
    },
    onError: (error) => setFailure(placeErrors(form, error)),
  });
  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ oldPassword: '', newPassword: '', repeat: '' }} onFinish={(v) => change.mutate(v)} className="employee-form">
      <Form.Item name="oldPassword" label={t('me.oldPassword')} rules={[{ required: true, message: t('me.oldPasswordRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('me.newPassword')}
        extra={t('me.newPasswordHelp')}
        rules={[
          { required: true, message: t('me.newPasswordRequired') },
          { min: 8, message: t('me.newPasswordShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="repeat"
        label={t('me.repeatPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('me.repeatRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value?: string) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('me.repeatMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {failure ? <ErrorAlert error={failure} /> : null}
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('me.changePassword')}
      </Button>
    </Form>
  );
}
