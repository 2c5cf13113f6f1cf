import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert, useErrorText } from '../../../lib/errors';
import { formatDateTime, todayIn } from '../../../lib/time';
import { showFormErrors } from '../form-errors';
import { OfficeTag } from '../OfficeTag';
import { Empty, ScrollBox } from '../ScrollBox';

type Device = Schemas['DeviceDto'];
type Command = Schemas['DeviceCommandDto'];
type Kind = Schemas['QueueCommandDto']['kind'];
const PAGE_SIZE = 10;
/** While a command waits for the terminal, the list is read again this often (a terminal polls every few seconds). */
const WHILE_WAITING_MS = 5000;

const TONE_OF_STATE = { queued: 'wait', sent: 'role', done: 'good', failed: 'bad' } as const;

/** The terminal's command queue: what was asked, its state and answer; buttons to ask for more. */
export function DeviceCommands({ device }: { device: Device }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [recovering, setRecovering] = useState(false);
  const commands = useQuery({
    queryKey: ['devices', 'commands', device.id, page],
    queryFn: () => unwrap(api.GET('/devices/{id}/commands', { params: { path: { id: device.id }, query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((command) => command.state === 'queued' || command.state === 'sent') ? WHILE_WAITING_MS : false),
  });
  const queue = useMutation({
    mutationFn: (body: Schemas['QueueCommandDto']) => unwrap(api.POST('/devices/{id}/commands', { params: { path: { id: device.id } }, body })),
    onSuccess: (command) => {
      void message.success(t('terminals.queued', { kind: t(`terminals.kind.${command.kind}`) }));
      setPage(1);
      void queryClient.invalidateQueries({ queryKey: ['devices', 'commands', device.id] });
    },
  });
  const when = (instant: string | null) => (instant ? formatDateTime(instant, timeZone, language) : '—');

  const ask = (kind: Exclude<Kind, 'query_attlog'>) =>
    modal.confirm({
      title: t(`terminals.queue.${kind}Title`, { name: device.name }),
      content: t(`terminals.queue.${kind}Body`),
      okText: t('terminals.queue.ok'),
      okButtonProps: { danger: kind === 'reboot' },
      cancelText: t('action.cancel'),
      onOk: () => queue.mutateAsync({ kind }).catch((error: unknown) => void message.error(errorText(error))),
    });

  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('terminals.commands')}</h2>}
      extra={
        <Button size="small" onClick={() => void commands.refetch()}>
          {t('action.refresh')}
        </Button>
      }
    >
      <p className="office-muted">{t('terminals.commandsHelp')}</p>
      {device.active ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button onClick={() => ask('set_time')}>{t('terminals.queue.set_time')}</Button>
          <Button onClick={() => ask('info')}>{t('terminals.queue.info')}</Button>
          <Button onClick={() => setRecovering(true)}>{t('terminals.queue.query_attlog')}</Button>
          <Button onClick={() => ask('query_users')}>{t('terminals.queue.query_users')}</Button>
          <Button danger onClick={() => ask('reboot')}>{t('terminals.queue.reboot')}</Button>
        </Space>
      ) : (
        <p>{t('terminals.commandsInactive')}</p>
      )}
      {commands.error ? <ErrorAlert error={commands.error} onRetry={() => void commands.refetch()} /> : null}
      <ScrollBox label={t('terminals.commands')}>
        <Table<Command>
          className="office-table"
          rowKey="id"
          size="small"
          loading={commands.isLoading}
          dataSource={commands.data?.items ?? []}
          locale={{ emptyText: <Empty>{t('terminals.commandsNone')}</Empty> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: commands.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('list.total', { total }), hideOnSinglePage: true }}
          expandable={{
            rowExpandable: (command) => !!command.reply,
            expandedRowRender: (command) => (
              <pre className="terminal-text" tabIndex={0} aria-label={t('terminals.command.reply', { id: command.id })}>
                {command.reply}
              </pre>
            ),
          }}
          columns={[
            { title: t('terminals.command.id'), dataIndex: 'id' },
            {
              title: t('terminals.command.kind'),
              dataIndex: 'kind',
              render: (kind: Command['kind'], command) => (
                <div>
                  <div>{t(`terminals.kind.${kind}`)}</div>
                  {command.from && command.to ? <div className="office-muted">{t('terminals.command.period', { from: command.from, to: command.to })}</div> : null}
                  {command.pin ? <div className="office-muted">{t('terminals.command.pin', { pin: command.pin })}</div> : null}
                  {command.queuedBy === null ? <div className="office-muted">{t('terminals.command.byStaffChange')}</div> : null}
                </div>
              ),
            },
            { title: t('terminals.command.state'), dataIndex: 'state', render: (state: Command['state']) => <OfficeTag tone={TONE_OF_STATE[state]}>{t(`terminals.state.${state}`)}</OfficeTag> },
            {
              title: t('terminals.command.outcome'),
              key: 'outcome',
              render: (_, command) =>
                command.failure === 'no_answer'
                  ? t('terminals.command.noAnswer', { sends: command.sends })
                  : command.returnCode !== null
                    ? t('terminals.command.returnCode', { code: command.returnCode })
                    : '—',
            },
            { title: t('terminals.command.sends'), dataIndex: 'sends' },
            { title: t('terminals.command.queuedAt'), dataIndex: 'queuedAt', render: when },
            { title: t('terminals.command.sentAt'), dataIndex: 'sentAt', render: when },
            { title: t('terminals.command.answeredAt'), dataIndex: 'answeredAt', render: when },
          ]}
        />
      </ScrollBox>
      <RecoverRecords device={device} open={recovering} onClose={() => setRecovering(false)} queue={queue} today={todayIn(timeZone)} />
    </Card>
  );
}

interface Period {
  from: string;
  to: string;
}

/** Asks for the dates whose records the terminal sends again (DATA QUERY ATTLOG); the service's objections beside the dates. */
function RecoverRecords({
  device,
  open,
  onClose,
  queue,
  today,
}: {
  device: Device;
  open: boolean;
  onClose: () => void;
  queue: { mutateAsync: (body: Schemas['QueueCommandDto']) => Promise<Command>; isPending: boolean };
  today: string;
}) {
  const t = useT();
  const [form] = Form.useForm<Period>();
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ from: today, to: today });
  }, [open, form, today]);

  const submit = (period: Period) =>
    queue.mutateAsync({ kind: 'query_attlog', ...period }).then(onClose, (error: unknown) => setFailure(showFormErrors(form, error) ? null : error));

  return (
    <Modal
      open={open}
      title={t('terminals.queue.query_attlogTitle', { name: device.name })}
      okText={t('terminals.queue.ok')}
      cancelText={t('action.cancel')}
      confirmLoading={queue.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="office-muted">{t('terminals.queue.query_attlogHelp')}</p>
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="from" label={t('terminals.retry.from')} rules={[{ required: true, message: t('office.required') }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="to" label={t('terminals.retry.to')} rules={[{ required: true, message: t('office.required') }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
