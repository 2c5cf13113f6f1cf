import { useQuery } from '@tanstack/react-query';
import { Form, type FormInstance, Modal, Select, Space, Table, type TablePaginationConfig, type TableProps } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { StaffPicker } from '../../components/StaffPicker';
import { StatusTag } from '../../components/StatusTag';
import { type MessageKey, useT } from '../../i18n';
import { applyFieldErrors, ErrorAlert } from '../../lib/errors';

/**
 * Small pieces the admin pages share: a person's name from their id, a state's tag in the report
 * colours, and server-side paging state for antd tables.
 */

/** 王芳（E0042） for a staff id (cached per person); undefined until known. */
export function useStaffLabel(id: string | null | undefined): { label: string | undefined; failed: boolean } {
  const { data, isError } = useQuery({
    queryKey: ['staff', 'one', id],
    queryFn: () => unwrap(api.GET('/staff/{id}', { params: { path: { id: id as string } } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
  return { label: data ? `${data.name}（${data.employeeNo}）` : undefined, failed: isError };
}

/** A person's name from their id: the lists carry ids, and an office reads names. */
export function StaffName({ id }: { id: string | null | undefined }) {
  const { label, failed } = useStaffLabel(id);
  if (!id) return <>—</>;
  if (label) return <>{label}</>;
  // Someone the reader may not see (or still loading): the id's start is enough to tell rows apart.
  return <span className="admin-muted">{failed ? id.slice(0, 8) : '…'}</span>;
}

/** Which report colour each workflow state takes (theme.ts STATUS_COLOURS: every pair passes 4.5:1). */
const STATE_COLOUR: Record<string, string> = {
  pending: 'pending',
  approved: 'present',
  filed: 'leave',
  rejected: 'absent',
  cancelled: 'rest',
  revoked: 'absent',
  issued: 'late',
  acknowledged: 'rest',
  appealed: 'pending',
  upheld: 'absent',
  withdrawn: 'rest',
  draft: 'pending',
  published: 'present',
  active: 'present',
  retired: 'rest',
};

/** A workflow state (leave, exemption, record, handbook version) as a coloured tag with its translated name. */
export function StateTag({ state }: { state: string }) {
  const t = useT();
  return <StatusTag status={STATE_COLOUR[state] ?? 'rest'} label={t(`admin.state.${state}` as MessageKey)} />;
}

/** Page and page size of a server-paged list, and the antd pagination that drives them. */
export function usePaging(initialSize = 20) {
  const t = useT();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (count) => t('list.total', { total: count }),
    onChange: (next, size) => {
      setPage(size === pageSize ? next : 1);
      setPageSize(size);
    },
  });
  return { page, pageSize, pagination, reset: () => setPage(1) };
}

/**
 * After a failed submit: the field errors go beside their fields, and what none of the fields
 * shows (a rule broken, a conflict, a detail about another field) is returned for the banner.
 */
export function bannerAfter(form: FormInstance, error: unknown): unknown {
  const unplaced = applyFieldErrors(form, error);
  const placedAll = error instanceof ApiError && error.body.details.length > 0 && unplaced.length === 0;
  return placedAll ? null : error;
}

/**
 * The dialog of an admin form: the fields, what none of them shows above them (see bannerAfter),
 * save and cancel. The caller owns the form, the save and the banner.
 */
export function FormModal<V>(props: {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  onClose: () => void;
  onFinish: (values: V) => void;
  pending: boolean;
  banner: unknown;
  width?: number;
  className?: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={() => props.form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={props.pending}
      destroyOnHidden
      width={props.width}
    >
      {props.banner ? <ErrorAlert error={props.banner} /> : null}
      <Form<V> form={props.form} layout="vertical" onFinish={props.onFinish} className={props.className}>
        {props.children}
      </Form>
    </Modal>
  );
}

/**
 * A table that scrolls sideways inside itself when it is wider than the screen (phones), never the
 * page; its scrolling box is made keyboard-focusable so that keyboard users can scroll it too.
 */
export function AdminTable<T extends object>(props: TableProps<T>) {
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    frame.current?.querySelectorAll('.ant-table-content').forEach((box) => box.setAttribute('tabindex', '0'));
  });
  return (
    <div ref={frame} className="admin-table">
      <Table<T> scroll={{ x: 'max-content' }} {...props} />
    </div>
  );
}

/**
 * The filter bar of the office's record lists (leave, trips, disciplinary records): a person, searched
 * among everyone who ever worked here, and a state. Either change goes back to the first page.
 */
/**
 * The person and state a record list is filtered by, with its paging: choosing either goes back to
 * the first page. `filters` is the bar to show above the list.
 */
export function usePersonStateFilter<S extends string>(states: readonly S[], stateLabel?: (state: S) => string) {
  const paging = usePaging();
  const [staffId, setStaffId] = useState<string | null>(null);
  const [status, setStatus] = useState<S | undefined>();
  const filters = (
    <PersonStateFilters
      staffId={staffId}
      onStaffId={(id) => (setStaffId(id), paging.reset())}
      states={states}
      state={status}
      onState={(next) => (setStatus(next), paging.reset())}
      stateLabel={stateLabel}
    />
  );
  return { ...paging, staffId, status, filters };
}

export function PersonStateFilters<S extends string>(props: {
  staffId: string | null;
  onStaffId: (id: string | null) => void;
  states: readonly S[];
  state: S | undefined;
  onState: (state: S | undefined) => void;
  /** The word for a state, when the list's states read differently from admin.state.* (a correction's). */
  stateLabel?: (state: S) => string;
}) {
  const t = useT();
  return (
    <Space wrap className="admin-filters">
      <div className="admin-filter">
        <StaffPicker activeOnly={false} value={props.staffId} onChange={props.onStaffId} aria-label={t('admin.filter.person')} placeholder={t('admin.filter.person')} />
      </div>
      <Select<S>
        allowClear
        className="admin-filter"
        aria-label={t('admin.filter.status')}
        placeholder={t('admin.filter.status')}
        value={props.state}
        onChange={props.onState}
        options={props.states.map((s) => ({ value: s, label: props.stateLabel ? props.stateLabel(s) : t(`admin.state.${s}` as MessageKey) }))}
      />
    </Space>
  );
}
