import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { sessionStore } from '../auth/session-store';
import { useT } from '../i18n';
import { LanguageSwitch } from '../layout/Shell';
import { applyFieldErrors, ErrorAlert } from '../lib/errors';

interface Credentials {
  username: string;
  password: string;
}

export default function SignIn() {
  const t = useT();
  const [form] = Form.useForm<Credentials>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const back = (location.state as { from?: string } | null)?.from ?? '/today';

  async function submit(values: Credentials) {
    setBusy(true);
    setError(null);
    try {
      const result = await unwrap(api.POST('/auth/login', { body: values }));
      sessionStore.set({ token: result.accessToken, expiresAt: Date.now() + result.expiresIn * 1000, staff: result.staff });
      navigate(back === '/sign-in' ? '/today' : back, { replace: true });
    } catch (failure) {
      applyFieldErrors(form, failure);
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <Card className="sign-in-card">
        <div className="sign-in-top">
          <Typography.Title level={1} className="sign-in-title">
            {t('signIn.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} className="sign-in-form">
          <Form.Item name="username" label={t('signIn.username')} rules={[{ required: true, message: t('signIn.required', { field: t('signIn.username') }) }]}>
            <Input autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.required', { field: t('signIn.password') }) }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
