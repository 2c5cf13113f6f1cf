import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, type TableColumnsType } from 'antd';
import { useRef, useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../lib/errors';
import { formatDay, weekdayIndex } from '../../lib/time';
import { GRID_CODE_STATUS, STATUS_COLOURS } from '../../theme';
import { useKeyboardScroll } from './use-keyboard-scroll';
import './finance.css';

type GridRow = Schemas['GridRowDto'];

/** The grid's codes in the order of the legend, each with the label key that says what it means. */
export const GRID_CODES: { code: string; label: MessageKey }[] = [
  { code: '√', label: 'fin.grid.code.present' },
  { code: '迟', label: 'fin.grid.code.late' },
  { code: '早', label: 'fin.grid.code.early' },
  { code: '旷', label: 'fin.grid.code.absent' },
  { code: '事', label: 'fin.grid.code.personal' },
  { code: '病', label: 'fin.grid.code.sick' },
  { code: '婚', label: 'fin.grid.code.marriage' },
  { code: '丧', label: 'fin.grid.code.bereavement' },
  { code: '差', label: 'fin.grid.code.trip' },
  { code: '休', label: 'fin.grid.code.rest' },
  { code: '值', label: 'fin.grid.code.duty' },
  { code: '待', label: 'fin.grid.code.pending' },
];

function colourOf(code: string) {
  // A day a make-up punch corrected carries 补 after its code (√补), one that credited overtime 加 (√加, 休加,
  // √补加): it takes the colour of the code itself.
  const base = code.length > 1 ? code.charAt(0) : code;
  return STATUS_COLOURS[GRID_CODE_STATUS[base] ?? 'present'] ?? STATUS_COLOURS.rest;
}

/** One code in its status colour, the same everywhere the grid is shown. */
export function GridCode({ code }: { code: string }) {
  const colour = colourOf(code);
  return (
    <span className="fin-grid-code" style={{ background: colour.background, color: colour.text }}>
      {code}
    </span>
  );
}

/** What each code means, in the codes' colours. */
export function GridLegend() {
  const t = useT();
  return (
    <ul className="fin-grid-legend" aria-label={t('fin.grid.legend')}>
      {GRID_CODES.map(({ code, label }) => (
        <li key={code}>
          <GridCode code={code} /> {t(label)}
        </li>
      ))}
      <li>
        <GridCode code="√补" /> {t('fin.grid.code.corrected')}
      </li>
      <li>
        <GridCode code="√加" /> {t('fin.grid.code.overtime')}
      </li>
      <li>
        <span className="fin-grid-code fin-grid-code-empty" aria-hidden /> {t('fin.grid.code.notEmployed')}
      </li>
    </ul>
  );
}

/**
 * The 考勤表 (GET /reports/monthly/grid): one line per person, one code per date. The service
 * scopes it (a supervisor gets their reports, finance and admin everyone) and pages it.
 */
export function DailyGrid({ month, pageSize: initialPageSize = 50 }: { month: string; pageSize?: number }) {
  const t = useT();
  const language = useLanguage();
  const box = useRef<HTMLDivElement>(null);
  useKeyboardScroll(box, t('fin.grid.table'));
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [shownMonth, setShownMonth] = useState(month);
  // A new month starts again at its first page.
  if (shownMonth !== month) {
    setShownMonth(month);
    setPage(1);
  }
  const grid = useQuery({
    queryKey: ['report-grid', month, page, pageSize],
    // The path also answers CSV and XLSX; as JSON it is the grid.
    queryFn: async () => (await unwrap(api.GET('/reports/monthly/grid', { params: { query: { month, page, pageSize, format: 'json' } } }))) as Schemas['MonthlyGridDto'],
    placeholderData: keepPreviousData,
  });
  const dates = grid.data?.dates ?? [];
  const columns: TableColumnsType<GridRow> = [
    {
      title: t('field.name'),
      key: 'name',
      fixed: 'left',
      width: 132,
      render: (_, row) => (
        <span className="fin-grid-person">
          {row.name}
          <span className="fin-grid-no">{row.employeeNo}</span>
        </span>
      ),
    },
    ...dates.map((date, index) => ({
      title: (
        <span className={weekdayIndex(date) >= 5 ? 'fin-grid-date weekend' : 'fin-grid-date'} title={formatDay(date, language)}>
          {Number(date.slice(8))}
          <span className="fin-grid-weekday">{formatDay(date, language, { weekday: 'narrow' })}</span>
        </span>
      ),
      key: date,
      width: 34,
      align: 'center' as const,
      className: 'fin-grid-cell',
      render: (_: unknown, row: GridRow) => (row.days[index] ? <GridCode code={row.days[index]} /> : null),
    })),
  ];
  return (
    <div className="fin-grid" ref={box}>
      {grid.error ? <ErrorAlert error={grid.error} onRetry={() => void grid.refetch()} /> : null}
      <GridLegend />
      <Table<GridRow>
        size="small"
        bordered
        rowKey="staffId"
        columns={columns}
        dataSource={grid.data?.items ?? []}
        loading={grid.isFetching}
        scroll={{ x: 132 + dates.length * 34 }}
        locale={{ emptyText: t('list.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: grid.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('list.total', { total }),
          onChange: (next, size) => {
            setPage(size !== pageSize ? 1 : next);
            setPageSize(size);
          },
        }}
      />
    </div>
  );
}
