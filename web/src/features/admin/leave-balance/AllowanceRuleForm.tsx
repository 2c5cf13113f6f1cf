import { Form, Input, InputNumber, Radio, Switch } from 'antd';
import { api, unwrap } from '../../../api/client';
import { type MessageKey, useT } from '../../../i18n';
import { useVersionForm } from '../settings/use-version-form';
import { FormModal } from '../shared';
import { type AllowanceKind, type AllowanceRule, kindsFor } from './allowance';

type Values = { effectiveFrom: string; kind: AllowanceKind; days?: number | null; expiresAfterDays?: number | null; allowNegative: boolean };

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
  const { form, save, banner } = useVersionForm<Values, AllowanceRule>({
    open: !!target,
    start: () => ({
      kind: (target?.current?.kind as AllowanceKind | undefined) ?? 'none',
      days: target?.current?.days ?? null,
      expiresAfterDays: target?.current?.expiresAfterDays ?? null,
      allowNegative: target?.current?.allowNegative ?? false,
    }),
    mutationFn: (values) => {
      const keepsDays = values.kind === 'per_year' || values.kind === 'per_occurrence';
      return unwrap(
        api.PUT('/leave-balances/settings/rules/{code}', {
          params: { path: { code: target!.code } },
          body: {
            effectiveFrom: values.effectiveFrom,
            kind: values.kind,
            ...(keepsDays ? { days: values.days ?? null } : {}),
            ...(values.kind === 'lieu' && values.expiresAfterDays !== null && values.expiresAfterDays !== undefined ? { expiresAfterDays: values.expiresAfterDays } : {}),
            allowNegative: values.allowNegative,
          },
        }),
      );
    },
    invalidate: [['leave-balance-settings'], ['leave-balances']],
    onClose,
  });
  const kind = Form.useWatch('kind', form);
  const fixed = kind === 'per_year' || kind === 'per_occurrence';

  const required = { required: true, message: t('admin.form.required') };
  return (
    <FormModal<Values>
      open={!!target}
      title={target ? t('admin.allowance.formTitle', { name: target.name }) : ''}
      form={form}
      onClose={onClose}
      onFinish={(values) => save.mutate(values)}
      pending={save.isPending}
      banner={banner}
    >
      <Form.Item name="effectiveFrom" label={t('admin.rules.effectiveFrom')} extra={t('admin.allowance.effectiveFromHelp')} rules={[required]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="kind" label={t('admin.allowance.kind')} rules={[required]}>
        <Radio.Group className="admin-radio-column" options={kindsFor(target?.code ?? '').map((value) => ({ value, label: t(`admin.allowance.kindLong.${value}` as MessageKey) }))} />
      </Form.Item>
      {fixed ? (
        <Form.Item name="days" label={t(kind === 'per_year' ? 'admin.allowance.daysPerYear' : 'admin.allowance.daysPerOccurrence')} extra={t('admin.allowance.daysHelp')} rules={[required]}>
          <InputNumber step={0.5} suffix={t('admin.allowance.dayUnit')} />
        </Form.Item>
      ) : null}
      {kind === 'lieu' ? (
        <Form.Item name="expiresAfterDays" label={t('admin.allowance.lieuExpiresAfter')} extra={t('admin.allowance.lieuExpiresAfterHelp')} rules={[required]}>
          <InputNumber min={1} max={3650} step={1} precision={0} suffix={t('admin.allowance.dayUnit')} />
        </Form.Item>
      ) : null}
      {kind !== 'none' ? (
        <Form.Item name="allowNegative" label={t('admin.allowance.allowNegative')} extra={t('admin.allowance.allowNegativeHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
