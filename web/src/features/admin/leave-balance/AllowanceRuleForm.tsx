import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Radio, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { type MessageKey, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { addDays, todayIn } from '../../../lib/time';
import { bannerAfter } from '../shared';
import { ALLOWANCE_KINDS, type AllowanceKind, type AllowanceRule } from './allowance';

type Values = { effectiveFrom: string; kind: AllowanceKind; days?: number | null; allowNegative: boolean };

export interface RuleTarget {
  code: string;
  name: string;
  current: AllowanceRule | null;
}

/**
 * A leave type's allowance rule from a date on (PUT /leave-balances/settings/rules/{code}): earlier
 * days keep theirs. Starts from the rule in force; the service's field errors go beside the fields.
 */
export function AllowanceRuleForm({ target, onClose }: { target: RuleTarget | null; onClose: () => void }) {
  const t = useT();
  const { timeZone } = useCompany();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form);
  const fixed = kind === 'per_year' || kind === 'per_occurrence';

  useEffect(() => {
    if (!target) return;
    const current = target.current;
    form.resetFields();
    form.setFieldsValue({ effectiveFrom: addDays(todayIn(timeZone), 1), kind: (current?.kind as AllowanceKind | undefined) ?? 'none', days: current?.days ?? null, allowNegative: current?.allowNegative ?? false });
    setBanner(null);
  }, [target, form, timeZone]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const keepsDays = values.kind === 'per_year' || values.kind === 'per_occurrence';
      return unwrap(
        api.PUT('/leave-balances/settings/rules/{code}', {
          params: { path: { code: target!.code } },
          body: { effectiveFrom: values.effectiveFrom, kind: values.kind, ...(keepsDays ? { days: values.days ?? null } : {}), allowNegative: values.allowNegative },
        }),
      );
    },
    onSuccess: (rule) => {
      void queryClient.invalidateQueries({ queryKey: ['leave-balance-settings'] });
      void queryClient.invalidateQueries({ queryKey: ['leave-balances'] });
      void message.success(t('admin.rules.saved', { date: rule.effectiveFrom }));
      onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });

  const required = { required: true, message: t('admin.form.required') };
  return (
    <Modal
      open={!!target}
      title={target ? t('admin.allowance.formTitle', { name: target.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {banner ? <ErrorAlert error={banner} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="effectiveFrom" label={t('admin.rules.effectiveFrom')} extra={t('admin.allowance.effectiveFromHelp')} rules={[required]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.allowance.kind')} rules={[required]}>
          <Radio.Group className="admin-radio-column" options={ALLOWANCE_KINDS.map((value) => ({ value, label: t(`admin.allowance.kindLong.${value}` as MessageKey) }))} />
        </Form.Item>
        {fixed ? (
          <Form.Item name="days" label={t(kind === 'per_year' ? 'admin.allowance.daysPerYear' : 'admin.allowance.daysPerOccurrence')} extra={t('admin.allowance.daysHelp')} rules={[required]}>
            <InputNumber step={0.5} suffix={t('admin.allowance.dayUnit')} />
          </Form.Item>
        ) : null}
        {kind !== 'none' ? (
          <Form.Item name="allowNegative" label={t('admin.allowance.allowNegative')} extra={t('admin.allowance.allowNegativeHelp')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
