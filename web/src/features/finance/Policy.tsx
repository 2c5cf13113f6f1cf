import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Table, type TableColumnsType } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, api, unwrap, type Schemas } from '../../api/client';
import { useMe } from '../../auth/session';
import { StatusTag } from '../../components/StatusTag';
import { PageTitle } from '../../components/PageTitle';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { applyFieldErrors, ErrorAlert } from '../../lib/errors';
import { fenToYuan, formatFen, yuanToFen } from '../../lib/money';
import { addMonths, monthOf, todayIn } from '../../lib/time';
import { useKeyboardScroll } from './use-keyboard-scroll';
import './finance.css';

type Policy = Schemas['FinancePolicyDto'];
const AMOUNTS = ['lateFen', 'seriousLateFen', 'absenceDayFen', 'missingPunchFen', 'correctionFen', 'fullAttendanceBonusFen', 'overtimeWorkdayHourFen', 'overtimeRestDayHourFen', 'overtimeHolidayHourFen'] as const;
type Amount = (typeof AMOUNTS)[number];
/** The form's fields carry the API's names (so that its field errors land beside them), holding yuan as typed. */
type Values = { effectiveMonth: string } & Record<Amount, string>;

/** The version in force in a month: the latest whose first month is not after it. */
const inForce = (versions: Policy[], month: string) => versions.filter((v) => v.effectiveMonth <= month).at(-1);

/** Finance's penalty and bonus policy (H-ATT-7 考勤奖惩以财务制度为准): every version, and a new one from a month on. */
export default function PolicyPage() {
  const t = useT();
  const language = useLanguage();
  const me = useMe();
  const { timeZone } = useCompany();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const isFinance = me.roles.includes('finance');
  const current = monthOf(todayIn(timeZone));
  const policies = useQuery({ queryKey: ['finance-policy'], queryFn: () => unwrap(api.GET('/finance-policy')) });
  const versions = policies.data?.items ?? [];
  const now = inForce(versions, current);

  const box = useRef<HTMLDivElement>(null);
  useKeyboardScroll(box, t('fin.policy.versions'));
  // The form starts from the policy in force, for next month (the usual change); it is shown once the versions are in.
  const initialValues = { effectiveMonth: addMonths(current, 1), ...Object.fromEntries(AMOUNTS.map((key) => [key, now ? fenToYuan(now[key] ?? 0) : ''])) } as Values;

  const save = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.PUT('/finance-policy', {
          body: { effectiveMonth: values.effectiveMonth.trim(), ...(Object.fromEntries(AMOUNTS.map((key) => [key, yuanToFen(values[key]) as number])) as Record<Amount, number>) },
        }),
      ),
    onSuccess: (saved) => {
      void message.success(t('fin.policy.saved', { month: saved.effectiveMonth }));
      void queryClient.invalidateQueries({ queryKey: ['finance-policy'] });
      void queryClient.invalidateQueries({ queryKey: ['report'] });
    },
    onError: (error) => {
      const unplaced = applyFieldErrors(form, error);
      setFailure(error instanceof ApiError && error.body.details.length > 0 && unplaced.length === 0 ? null : error);
    },
  });

  const yuanRule = { validator: (_: unknown, value: string) => (value === undefined || value === '' || yuanToFen(value) === null || (yuanToFen(value) as number) < 0 ? Promise.reject(new Error(t('fin.policy.yuanInvalid'))) : Promise.resolve()) };

  const columns: TableColumnsType<Policy> = [
    {
      title: t('fin.policy.effectiveMonth'),
      dataIndex: 'effectiveMonth',
      key: 'effectiveMonth',
      width: 150,
      render: (month: string) => (
        <span>
          {month} {now?.effectiveMonth === month ? <StatusTag status="present" label={t('fin.policy.inForce')} /> : month > current ? <StatusTag status="leave" label={t('fin.policy.upcoming')} /> : null}
        </span>
      ),
    },
    ...AMOUNTS.map((key) => ({ title: t(`fin.policy.${key}` as MessageKey), dataIndex: key, key, align: 'right' as const, width: 130, render: (fen: number | undefined) => formatFen(fen ?? 0, language) })),
  ];

  return (
    <>
      <div className="fin-page" ref={box}>
        <PageTitle>{t('fin.policy.title')}</PageTitle>
        <p className="fin-intro">{t('fin.policy.intro')}</p>
        {policies.error ? <ErrorAlert error={policies.error} onRetry={() => void policies.refetch()} /> : null}
        <Card title={<h2 className="card-title">{t('fin.policy.versions')}</h2>} className="fin-card">
          <Table<Policy>
            rowKey="effectiveMonth"
            size="small"
            columns={columns}
            dataSource={[...versions].reverse()}
            loading={policies.isLoading}
            pagination={versions.length > 12 ? { pageSize: 12 } : false}
            scroll={{ x: 800 }}
            locale={{ emptyText: t('list.empty') }}
          />
        </Card>
        {isFinance && policies.isSuccess ? (
          <Card title={<h2 className="card-title">{t('fin.policy.formTitle')}</h2>} className="fin-card">
            {failure ? <ErrorAlert error={failure} /> : null}
            <Form<Values>
              form={form}
              layout="vertical"
              className="fin-policy-form"
              initialValues={initialValues}
              onFinish={(values) => {
                setFailure(null);
                save.mutate(values);
              }}
            >
              <Form.Item
                name="effectiveMonth"
                label={t('fin.policy.effectiveMonth')}
                extra={t('fin.policy.effectiveMonthHint')}
                rules={[
                  { required: true, message: t('fin.policy.monthRequired') },
                  { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('fin.policy.monthInvalid') },
                ]}
              >
                <Input placeholder="2026-12" inputMode="numeric" maxLength={7} />
              </Form.Item>
              <div className="fin-policy-amounts">
                {AMOUNTS.map((key) => (
                  <Form.Item key={key} name={key} label={t(`fin.policy.${key}` as MessageKey)} rules={[{ required: true, message: t('fin.policy.yuanInvalid') }, yuanRule]}>
                    <Input inputMode="decimal" prefix="¥" suffix={t('fin.policy.yuan')} />
                  </Form.Item>
                ))}
              </div>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('fin.policy.submit')}
              </Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
