import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { StaffPicker } from '../../../components/StaffPicker';
import { type MessageKey, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { yuanToFen } from '../../../lib/money';
import { todayIn } from '../../../lib/time';
import { bannerAfter } from '../shared';

type Values = Omit<Schemas['CreateDisciplinaryRecordDto'], 'amountFen'> & { amountFen?: string };

/**
 * Issues a record (H-CON-8): the person, the day, the articles of the handbook in force that were
 * broken, the facts, the severity, and a warning or a fine. The fine is typed in yuan and sent
 * in fen, converted exactly (lib/money.ts). The field keeps the API's name so that its errors land beside it.
 */
export function IssueRecord({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { timeZone } = useCompany();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);
  const handbook = useQuery({ queryKey: ['handbook', 'current'], queryFn: () => unwrap(api.GET('/handbook')), enabled: open });
  const action = Form.useWatch('action', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ staffId: undefined, articleIds: [], occurredOn: todayIn(timeZone), facts: '', severity: 'minor', action: 'warning', amountFen: undefined });
    setBanner(null);
  }, [open, form, timeZone]);

  const issue = useMutation({
    mutationFn: ({ amountFen, ...values }: Values) =>
      unwrap(api.POST('/disciplinary-records', { body: { ...values, amountFen: values.action === 'fine' ? yuanToFen(amountFen ?? '') : null } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['disciplinary'] });
      void message.success(t('admin.disciplinary.issued'));
      onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });
  const required = { required: true, message: t('admin.form.required') };
  const yuan = {
    validator: (_: unknown, value?: string) => {
      const fen = value ? yuanToFen(value) : null;
      return fen !== null && fen > 0 ? Promise.resolve() : Promise.reject(new Error(t('admin.disciplinary.amountFormat')));
    },
  };
  return (
    <Modal
      open={open}
      title={t('admin.disciplinary.issue')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.disciplinary.issueOk')}
      cancelText={t('action.cancel')}
      confirmLoading={issue.isPending}
      destroyOnHidden
      width={640}
    >
      {banner ? <ErrorAlert error={banner} /> : null}
      {handbook.error ? <ErrorAlert error={handbook.error} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => issue.mutate(values)}>
        <Form.Item name="staffId" label={t('admin.disciplinary.person')} rules={[required]}>
          <StaffPicker id="staffId" />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('admin.disciplinary.occurredOn')} rules={[required]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="articleIds"
          label={t('admin.disciplinary.articles')}
          extra={handbook.data ? t('admin.disciplinary.articlesHelp', { n: handbook.data.number }) : undefined}
          rules={[required]}
        >
          <Select
            mode="multiple"
            loading={handbook.isLoading}
            optionFilterProp="label"
            options={(handbook.data?.articles ?? []).map((article) => ({ value: article.id, label: `${article.key} ${article.titleZh}` }))}
          />
        </Form.Item>
        <Form.Item name="facts" label={t('admin.disciplinary.facts')} rules={[required]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="severity" label={t('admin.disciplinary.severity')}>
          <Radio.Group options={(['minor', 'major', 'severe'] as const).map((s) => ({ value: s, label: t(`admin.severity.${s}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="action" label={t('admin.disciplinary.action')}>
          <Radio.Group
            options={[
              { value: 'warning', label: t('admin.disciplinary.warning') },
              { value: 'fine', label: t('admin.disciplinary.fine') },
            ]}
          />
        </Form.Item>
        {action === 'fine' ? (
          <Form.Item name="amountFen" label={t('admin.disciplinary.amount')} rules={[yuan]}>
            <Input inputMode="decimal" prefix="¥" suffix={t('admin.disciplinary.yuan')} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
