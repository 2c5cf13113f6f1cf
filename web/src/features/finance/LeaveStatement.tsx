import { useQuery } from '@tanstack/react-query';
import { Select, Table, type TableColumnsType } from 'antd';
import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { StatusTag } from '../../components/StatusTag';
import { useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert } from '../../lib/errors';
import { formatDay, todayIn } from '../../lib/time';
import { CarryOverCard } from '../admin/leave-balance/CarryOverCard';
import { GrantRuns } from '../admin/leave-balance/GrantRuns';
import { useKeyboardScroll } from './use-keyboard-scroll';
import './finance.css';

type Row = Schemas['StatementRowDto'];
const days = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * The year-end statement of statutory annual leave (带薪年休假, issue 16): per person the days granted,
 * taken, carried on, and the untaken days finance pays at 300% (条例 第五条); a leaver's are those
 * settled on the leaving date (实施办法 第十二条). The year is in the URL (?year=). Below, the
 * company's carry-over (finance changes it too) and the grant sweep's runs.
 */
export default function LeaveStatement() {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayIn(timeZone).slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear + 1 ? asked : thisYear;
  const statement = useQuery({
    queryKey: ['leave-statement', year],
    queryFn: () => unwrap(api.GET('/leave-balances/statement', { params: { query: { year } } })),
  });
  const rows = statement.data?.items ?? [];
  const box = useRef<HTMLDivElement>(null);
  useKeyboardScroll(box, t('fin.statement.table'));
  const dayOf = (date: string) => formatDay(date, language, { year: 'numeric', month: 'short', day: 'numeric' });

  const columns: TableColumnsType<Row> = [
    { title: t('fin.statement.employeeNo'), dataIndex: 'employeeNo', key: 'employeeNo', width: 110, fixed: 'left' },
    {
      title: t('fin.statement.name'),
      key: 'name',
      width: 200,
      render: (_, row) => (
        <span className="fin-statement-name">
          <span>{row.name}</span>
          {row.leftOn ? <StatusTag status="rest" label={t('fin.statement.leftOn', { date: dayOf(row.leftOn) })} /> : null}
        </span>
      ),
    },
    { title: t('fin.statement.entitled'), dataIndex: 'entitled', key: 'entitled', align: 'right', width: 110, render: days },
    { title: t('fin.statement.taken'), dataIndex: 'taken', key: 'taken', align: 'right', width: 110, render: days },
    { title: t('fin.statement.carriedOut'), dataIndex: 'carriedOut', key: 'carriedOut', align: 'right', width: 120, render: days },
    {
      title: t('fin.statement.untaken'),
      dataIndex: 'untakenDays',
      key: 'untakenDays',
      align: 'right',
      width: 130,
      render: (n: number) => <strong className={n === 0 ? 'fin-zero-text' : undefined}>{days(n)}</strong>,
    },
    { title: t('fin.statement.pay'), dataIndex: 'payPercent', key: 'payPercent', align: 'right', width: 110, render: (n: number) => `${n}%` },
  ];
  const total = rows.reduce((sum, row) => sum + row.untakenDays, 0);
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);

  return (
    <div className="fin-page" ref={box}>
      <PageTitle>{t('fin.statement.title')}</PageTitle>
      <p className="fin-intro">{t('fin.statement.intro')}</p>
      <div className="fin-report-head">
        <label htmlFor="statement-year">{t('fin.statement.year')}</label>
        <Select
          id="statement-year"
          value={year}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          onChange={(value: number) =>
            setParams((current) => {
              current.set('year', String(value));
              return current;
            })
          }
        />
        <span className="spacer" />
        {statement.data ? <span>{t('fin.statement.total', { people: rows.length, days: days(total) })}</span> : null}
      </div>
      {statement.error ? <ErrorAlert error={statement.error} onRetry={() => void statement.refetch()} /> : null}
      <Table<Row>
        className="fin-statement"
        rowKey="staffId"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={statement.isLoading}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 890 }}
        locale={{ emptyText: t('fin.statement.empty') }}
      />
      {/* What the statement follows from: the carry-over that closes a year, and the sweep that grants. */}
      <div className="fin-statement-settings">
        <CarryOverCard />
        <GrantRuns />
      </div>
    </div>
  );
}
