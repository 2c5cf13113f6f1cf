import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, unwrap, type Schemas } from '../../../api/client';
import { useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { todayIn } from '../../../lib/time';
import { days as formatDays } from '../../employee/LeaveBalances';
import { useLeaveTypes } from '../../employee/leave-span';
import { showFormErrors } from '../form-errors';

type Values = { leaveType?: string; days?: number | null; date: string; reason: string };

/** The day an adjustment of `year` is dated by default: today in that year, else the year's nearest end. */
const defaultDate = (today: string, year: number): string => (Number(today.slice(0, 4)) === year ? today : Number(today.slice(0, 4)) > year ? `${year}-12-31` : `${year}-01-01`);

/**
 * The office adjusts a balance (POST /leave-balances/adjustments): signed days in halves, a date
 * (its year is the balance's) and a reason, all required. A refusal goes beside its field: below
 * zero where the rule forbids it (days), a closed month (date), a type without a balance (type).
 */
export function AdjustBalanceModal(props: { staff: Schemas['StaffDto']; year: number; leaveTypes: string[]; open: boolean; onClose: () => void }) {
  const { staff, year, leaveTypes, open, onClose } = props;
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const types = useLeaveTypes(language);
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);

  // With one type that keeps a balance there is nothing to choose.
  const only = leaveTypes.length === 1 ? leaveTypes[0] : undefined;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ leaveType: only, days: null, date: defaultDate(todayIn(timeZone), year), reason: '' });
    setFailure(null);
  }, [open, form, timeZone, year, only]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      unwrap(api.POST('/leave-balances/adjustments', { body: { staffId: staff.id, leaveType: values.leaveType ?? '', days: values.days ?? 0, date: values.date, reason: values.reason.trim() } })),
    onSuccess: (balance) => {
      void message.success(t('office.balances.adjusted', { type: types.nameOf(balance.leaveType), available: formatDays(balance.available) }));
      void queryClient.invalidateQueries({ queryKey: ['leave-balances', staff.id] });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'LEAVE_BALANCE_INSUFFICIENT') {
        // The service's sentence is whole in the reader's language (the type's name, the days available and asked): beside the days.
        form.setFields([{ name: 'days', errors: [error.body.message] }]);
        setFailure(null);
        return;
      }
      setFailure(showFormErrors(form, error) ? null : error);
    },
  });

  const required = { required: true, message: t('office.required') };
  const halves = {
    validator: (_: unknown, value: number | null | undefined) =>
      value === null || value === undefined || (value !== 0 && Number.isInteger(value * 2)) ? Promise.resolve() : Promise.reject(new Error(t('office.balances.daysRule'))),
  };
  return (
    <Modal
      open={open}
      title={t('office.balances.adjustTitle', { name: staff.name })}
      okText={t('office.balances.adjustSave')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="leaveType" label={t('office.balances.leaveType')} rules={[required]}>
          <Select options={leaveTypes.map((code) => ({ value: code, label: types.nameOf(code) }))} />
        </Form.Item>
        <Form.Item name="days" label={t('office.balances.days')} extra={t('office.balances.daysHelp')} rules={[required, halves]}>
          <InputNumber step={0.5} min={-365} max={365} suffix={t('office.balances.dayUnit')} />
        </Form.Item>
        <Form.Item name="date" label={t('office.balances.date')} extra={t('office.balances.dateHelp')} rules={[required]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="reason" label={t('office.balances.reason')} rules={[required, { whitespace: true, message: t('office.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
