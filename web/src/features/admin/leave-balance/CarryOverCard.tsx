import { Button, Card, Descriptions, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { type Translate, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { todayIn } from '../../../lib/time';
import { VersionDate } from '../settings/RuleVersions';
import { useVersionForm } from '../settings/use-version-form';
import { AdminTable, FormModal } from '../shared';
import { useBalanceSettings } from './allowance';
import '../admin.css';

type Version = Schemas['CarryOverVersionDto'];
type Values = { effectiveFrom: string; maxDays: number; expiresOn?: string };

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** "未休天数在年末失效" or "最多结转 5 天，次年 03-31 后失效". */
export const carryOverText = (t: Translate, version: Version): string =>
  version.maxDays === 0 ? t('admin.carryOver.lapse') : t('admin.carryOver.carry', { days: String(version.maxDays), date: version.expiresOn ?? '' });

/**
 * The company's carry-over of unused days (条例 第五条), dated like every setting: the version in
 * force on 31 December closes that year. Admin and finance change it (the only pages it is on are theirs).
 */
export function CarryOverCard() {
  const t = useT();
  const { timeZone } = useCompany();
  const settings = useBalanceSettings();
  const [open, setOpen] = useState(false);
  const today = todayIn(timeZone);
  const carryOver = settings.data?.carryOver;
  return (
    <Card
      className="admin-carry-over"
      title={<h2 className="card-title">{t('admin.carryOver.title')}</h2>}
      extra={
        <Button type="primary" disabled={!carryOver} onClick={() => setOpen(true)}>
          {t('admin.carryOver.change')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('admin.carryOver.help')}</Typography.Paragraph>
      {settings.error ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {carryOver ? (
        <>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[{ key: 'current', label: t('admin.carryOver.closesThisYear', { year: today.slice(0, 4) }), children: <strong>{carryOverText(t, carryOver.current)}</strong> }]}
          />
          <h3 className="admin-subtitle admin-gap">{t('admin.rules.versions')}</h3>
          <AdminTable<Version>
            size="small"
            rowKey="effectiveFrom"
            pagination={false}
            dataSource={[...carryOver.versions].reverse()}
            columns={[
              { title: t('admin.rules.effectiveFrom'), dataIndex: 'effectiveFrom', render: (date: string) => <VersionDate date={date} current={carryOver.current.effectiveFrom} today={today} /> },
              { title: t('admin.carryOver.column'), key: 'setting', render: (_, version) => carryOverText(t, version) },
            ]}
          />
          <CarryOverForm open={open} onClose={() => setOpen(false)} base={carryOver.current} />
        </>
      ) : null}
    </Card>
  );
}

/** A new carry-over version from a date on (PUT /leave-balances/settings/carry-over). */
function CarryOverForm({ open, onClose, base }: { open: boolean; onClose: () => void; base: Version }) {
  const t = useT();
  const { form, save, banner } = useVersionForm<Values, Version>({
    open,
    start: () => ({ maxDays: base.maxDays, expiresOn: base.expiresOn ?? '' }),
    mutationFn: (values) =>
      unwrap(
        api.PUT('/leave-balances/settings/carry-over', {
          body: { effectiveFrom: values.effectiveFrom, maxDays: values.maxDays, expiresOn: values.maxDays === 0 ? null : (values.expiresOn ?? '').trim() },
        }),
      ),
    invalidate: [['leave-balance-settings']],
    onClose,
  });
  const maxDays = Form.useWatch('maxDays', form);

  const required = { required: true, message: t('admin.form.required') };
  return (
    <FormModal<Values> open={open} title={t('admin.carryOver.change')} form={form} onClose={onClose} onFinish={(values) => save.mutate(values)} pending={save.isPending} banner={banner}>
      <Form.Item name="effectiveFrom" label={t('admin.rules.effectiveFrom')} extra={t('admin.carryOver.effectiveFromHelp')} rules={[required]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="maxDays" label={t('admin.carryOver.maxDays')} extra={t('admin.carryOver.maxDaysHelp')} rules={[required]}>
        <InputNumber step={0.5} suffix={t('admin.allowance.dayUnit')} />
      </Form.Item>
      {maxDays !== 0 ? (
        <Form.Item
          name="expiresOn"
          label={t('admin.carryOver.expiresOn')}
          extra={t('admin.carryOver.expiresOnHelp')}
          rules={[required, { pattern: MONTH_DAY, message: t('admin.carryOver.expiresOnInvalid') }]}
        >
          <Input placeholder="03-31" maxLength={5} inputMode="numeric" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
