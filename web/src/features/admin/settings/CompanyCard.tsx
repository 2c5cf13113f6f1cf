import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { bannerAfter } from '../shared';

type Values = { name: string; defaultLanguage: 'zh-CN' | 'en' };

/** The name printed on reports and the language answers use when a request asks for none. */
export function CompanyCard({ settings }: { settings: Schemas['SettingsDto'] }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (values: Values) => unwrap(api.PUT('/settings/company', { body: values })),
    onSuccess: (answer) => {
      queryClient.setQueryData(['settings'], answer);
      setUnplaced(null);
      void message.success(t('saved'));
    },
    onError: (error) => setUnplaced(bannerAfter(form, error)),
  });
  return (
    <Card title={<h2 className="card-title">{t('admin.company.title')}</h2>}>
      {unplaced ? <ErrorAlert error={unplaced} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ name: settings.companyName, defaultLanguage: settings.defaultLanguage }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="name" label={t('admin.company.name')} extra={t('admin.company.nameHelp')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="defaultLanguage" label={t('admin.company.language')} extra={t('admin.company.languageHelp')}>
          <Select
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('action.save')}
        </Button>
      </Form>
    </Card>
  );
}
