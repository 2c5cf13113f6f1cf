import { Checkbox, Form, Input, InputNumber, Select, Switch } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { type MessageKey, useT } from '../../../i18n';
import { FormModal } from '../shared';
import { useVersionForm } from './use-version-form';

type Values = Omit<Schemas['PutSettingsDto'], 'seriousLateMinutes' | 'absentAfterLateMinutes' | 'overtimeBreakAfterMinutes' | 'overtimeBreakMinutes'> & {
  seriousLateMinutes?: number | null;
  absentAfterLateMinutes?: number | null;
  overtimeBreakAfterMinutes?: number | null;
  overtimeBreakMinutes?: number | null;
};

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const CORRECTION_KINDS = ['missing_punch', 'late_arrival', 'early_departure'] as const;
const OVERTIME_COUNTING = ['punches_in_window', 'approved_window', 'punches_only'] as const;

/**
 * A new version of the rules from a date on (PUT /settings): earlier days keep theirs. The form
 * starts from the version in force; an empty tier means the tier is off (null). Limits are the
 * service's to check, so that its sentence appears beside the field.
 */
export function RuleVersionForm({ open, onClose, base }: { open: boolean; onClose: () => void; base: Schemas['SettingVersionDto'] }) {
  const t = useT();
  const { form, save, banner } = useVersionForm<Values, Schemas['SettingVersionDto']>({
    open,
    start: () => base,
    mutationFn: (values) =>
      unwrap(
        api.PUT('/settings', {
          body: {
            ...values,
            seriousLateMinutes: values.seriousLateMinutes ?? null,
            absentAfterLateMinutes: values.absentAfterLateMinutes ?? null,
            overtimeBreakAfterMinutes: values.overtimeBreakAfterMinutes ?? null,
            overtimeBreakMinutes: values.overtimeBreakMinutes ?? null,
          },
        }),
      ),
    invalidate: [['settings']],
    onClose,
  });

  const required = { required: true, message: t('admin.form.required') };
  return (
    <FormModal<Values> open={open} title={t('admin.rules.newVersion')} form={form} onClose={onClose} onFinish={(values) => save.mutate(values)} pending={save.isPending} banner={banner} width={640} className="admin-form">
      <Form.Item name="effectiveFrom" label={t('admin.rules.effectiveFrom')} extra={t('admin.rules.effectiveFromHelp')} rules={[required]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="workWeek" label={t('admin.rules.workWeek')} extra={t('admin.rules.workWeekHelp')}>
        <Checkbox.Group options={WEEKDAYS.map((day) => ({ value: day, label: t(`admin.weekday.${day}` as MessageKey) }))} />
      </Form.Item>
      <div className="admin-form-row">
        <Form.Item name="punchWindowOpenMinutes" label={t('admin.rules.windowOpen')} extra={t('admin.rules.windowOpenHelp')} rules={[required]}>
          <InputNumber precision={0} suffix={t('admin.rules.min')} />
        </Form.Item>
        <Form.Item name="punchWindowCloseMinutes" label={t('admin.rules.windowClose')} extra={t('admin.rules.windowCloseHelp')} rules={[required]}>
          <InputNumber precision={0} suffix={t('admin.rules.min')} />
        </Form.Item>
      </div>
      <div className="admin-form-row">
        <Form.Item name="graceMinutes" label={t('admin.rules.grace')} extra={t('admin.rules.graceHelp')} rules={[required]}>
          <InputNumber precision={0} suffix={t('admin.rules.min')} />
        </Form.Item>
        <Form.Item name="seriousLateMinutes" label={t('admin.rules.seriousLate')} extra={t('admin.rules.tierHelp')}>
          <InputNumber precision={0} suffix={t('admin.rules.min')} />
        </Form.Item>
        <Form.Item name="absentAfterLateMinutes" label={t('admin.rules.absentAfterLate')} extra={t('admin.rules.tierHelp')}>
          <InputNumber precision={0} suffix={t('admin.rules.min')} />
        </Form.Item>
      </div>
      <Form.Item name="missingClockOutIsEarlyLeave" label={t('admin.rules.missingOut')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="missingClockInIsAbsence" label={t('admin.rules.missingIn')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {/* Make-up punches (补卡, issue 17): how many a month, how far back, and which kinds. */}
      <div className="admin-form-row">
        <Form.Item name="correctionMonthlyLimit" label={t('admin.rules.correctionLimit')} extra={t('admin.rules.correctionLimitHelp')} rules={[required]}>
          <InputNumber precision={0} suffix={t('admin.rules.times')} />
        </Form.Item>
        <Form.Item name="correctionDaysBack" label={t('admin.rules.correctionDaysBack')} extra={t('admin.rules.correctionDaysBackHelp')} rules={[required]}>
          <InputNumber precision={0} suffix={t('admin.rules.days')} />
        </Form.Item>
      </div>
      <Form.Item name="correctionKinds" label={t('admin.rules.correctionKinds')} extra={t('admin.rules.correctionKindsHelp')}>
        <Checkbox.Group options={CORRECTION_KINDS.map((kind) => ({ value: kind, label: t(`corr.kind.${kind}` as MessageKey) }))} />
      </Form.Item>
      {/* Overtime (加班, issue 22): how it is counted and rounded, the break, the caps of 劳动法第41条, how late it may be filed. */}
      <h3 className="admin-subtitle">{t('admin.rules.overtime')}</h3>
      <Form.Item name="overtimeCounting" label={t('admin.rules.overtimeCounting')} extra={t('admin.rules.overtimeCountingHelp')} rules={[required]}>
        <Select options={OVERTIME_COUNTING.map((mode) => ({ value: mode, label: t(`admin.rules.counting.${mode}` as MessageKey) }))} />
      </Form.Item>
      <div className="admin-form-row">
        <Form.Item name="overtimeUnitMinutes" label={t('admin.rules.overtimeUnit')} extra={t('admin.rules.overtimeUnitHelp')} rules={[required]}>
          <InputNumber precision={0} suffix={t('admin.rules.min')} />
        </Form.Item>
        <Form.Item name="overtimeBreakAfterMinutes" label={t('admin.rules.overtimeBreakAfter')} extra={t('admin.rules.overtimeBreakAfterHelp')}>
          <InputNumber precision={0} suffix={t('admin.rules.min')} />
        </Form.Item>
        <Form.Item name="overtimeBreakMinutes" label={t('admin.rules.overtimeBreak')} extra={t('admin.rules.overtimeBreakHelp')}>
          <InputNumber precision={0} suffix={t('admin.rules.min')} />
        </Form.Item>
      </div>
      <div className="admin-form-row">
        <Form.Item name="overtimeDailyCapMinutes" label={t('admin.rules.overtimeDailyCap')} extra={t('admin.rules.overtimeDailyCapHelp')} rules={[required]}>
          <InputNumber precision={0} suffix={t('admin.rules.min')} />
        </Form.Item>
        <Form.Item name="overtimeMonthlyCapMinutes" label={t('admin.rules.overtimeMonthlyCap')} extra={t('admin.rules.overtimeMonthlyCapHelp')} rules={[required]}>
          <InputNumber precision={0} suffix={t('admin.rules.min')} />
        </Form.Item>
        <Form.Item name="overtimeDaysAfter" label={t('admin.rules.overtimeDaysAfter')} extra={t('admin.rules.overtimeDaysAfterHelp')} rules={[required]}>
          <InputNumber precision={0} suffix={t('admin.rules.days')} />
        </Form.Item>
      </div>
    </FormModal>
  );
}
