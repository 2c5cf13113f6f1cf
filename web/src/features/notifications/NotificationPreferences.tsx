import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { audiencesOf, useMe } from '../../auth/session';
import { type MessageKey, useT } from '../../i18n';
import { ErrorAlert } from '../../lib/errors';
import { placeErrors } from '../employee/shared';
import { reachesAny } from './kind-audiences';
import './notifications.css';

type Preference = Schemas['PreferenceDto'];
type Choice = 'default' | 'on' | 'off';
const PREFERENCES_KEY = ['notifications', 'preferences'] as const;

const choiceOf = (preference: Preference): Choice => (!preference.chosen ? 'default' : preference.email ? 'on' : 'off');

/**
 * On Me: which kinds of message also come by e-mail (per kind: the office's default, send, do not
 * send), and my address: editable by an admin (the service lets only the office change staff
 * records), read-only for everyone else.
 */
export function NotificationPreferences() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const audiences = audiencesOf(me);
  const preferences = useQuery({ queryKey: PREFERENCES_KEY, queryFn: () => unwrap(api.GET('/notifications/preferences')) });
  const save = useMutation({
    mutationFn: ({ kind, choice }: { kind: Preference['kind']; choice: Choice }) =>
      unwrap(api.PUT('/notifications/preferences', { body: { preferences: [{ kind, email: choice === 'default' ? null : choice === 'on' }] } })),
    onSuccess: (result) => {
      queryClient.setQueryData(PREFERENCES_KEY, result);
      void message.success(t('notify.prefs.saved'));
    },
  });
  const items = (preferences.data?.items ?? []).filter((item) => reachesAny(item.kind, audiences));
  return (
    <div className="notify-preferences">
      <Typography.Paragraph type="secondary">{t('notify.prefs.help')}</Typography.Paragraph>
      <EmailAddress />
      {preferences.isLoading ? <Skeleton active /> : null}
      {preferences.error ? <ErrorAlert error={preferences.error} onRetry={() => void preferences.refetch()} /> : null}
      {preferences.data && !preferences.data.hasEmail ? <Alert type="info" showIcon title={t('notify.prefs.noEmail')} className="notify-no-email" /> : null}
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <ul className="notify-prefs" aria-label={t('notify.prefs.title')}>
        {items.map((item) => {
          const id = `notify-pref-${item.kind}`;
          const defaultLabel = item.chosen ? t('notify.prefs.defaultPlain') : t('notify.prefs.default', { state: t(item.email ? 'notify.prefs.on' : 'notify.prefs.off') });
          return (
            <li key={item.kind} className="notify-pref">
              <label htmlFor={id}>{t(`notify.kind.${item.kind}` as MessageKey)}</label>
              <Select<Choice>
                id={id}
                className="notify-pref-select"
                value={choiceOf(item)}
                disabled={save.isPending}
                onChange={(choice) => save.mutate({ kind: item.kind, choice })}
                options={[
                  { value: 'default', label: defaultLabel },
                  { value: 'on', label: `${t('notify.prefs.email')}：${t('notify.prefs.on')}` },
                  { value: 'off', label: `${t('notify.prefs.email')}：${t('notify.prefs.off')}` },
                ]}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** My e-mail address: an admin edits their own here; everyone else reads it. */
function EmailAddress() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const staff = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/auth/me')), staleTime: 60_000 });
  const [form] = Form.useForm<{ email: string }>();
  const [failure, setFailure] = useState<unknown>(null);
  const mayEdit = me.roles.includes('admin');
  const save = useMutation({
    mutationFn: ({ email }: { email: string }) => unwrap(api.PATCH('/staff/{id}', { params: { path: { id: me.id } }, body: { email: email.trim() === '' ? null : email.trim() } })),
    onSuccess: () => {
      setFailure(null);
      void message.success(t('notify.email.saved'));
      void queryClient.invalidateQueries({ queryKey: ['me'] });
      void queryClient.invalidateQueries({ queryKey: PREFERENCES_KEY });
    },
    onError: (error) => setFailure(placeErrors(form, error)),
  });
  if (!staff.data) return null;
  if (!mayEdit) {
    return (
      <Descriptions column={1} size="small" className="notify-email">
        <Descriptions.Item label={t('notify.email.label')}>
          <span>
            {staff.data.email ?? t('notify.email.none')}
            <Typography.Text type="secondary" className="notify-email-help">
              {' '}
              · {t('notify.email.readOnly')}
            </Typography.Text>
          </span>
        </Descriptions.Item>
      </Descriptions>
    );
  }
  return (
    <>
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form<{ email: string }> form={form} layout="vertical" initialValues={{ email: staff.data.email ?? '' }} onFinish={(values) => save.mutate(values)} className="notify-email-form">
        <Form.Item name="email" label={t('notify.email.label')}>
          <Input type="email" autoComplete="email" inputMode="email" />
        </Form.Item>
        <Button htmlType="submit" loading={save.isPending} className="notify-email-save">
          {t('notify.email.save')}
        </Button>
      </Form>
    </>
  );
}
