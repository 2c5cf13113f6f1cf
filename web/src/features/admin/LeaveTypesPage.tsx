import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert, useErrorText } from '../../lib/errors';
import { AllowanceRuleForm, type RuleTarget } from './leave-balance/AllowanceRuleForm';
import { AllowanceVersions } from './leave-balance/AllowanceVersions';
import { ruleText, useBalanceSettings } from './leave-balance/allowance';
import { CarryOverCard } from './leave-balance/CarryOverCard';
import { GrantRuns } from './leave-balance/GrantRuns';
import { AdminTable, bannerAfter, StateTag } from './shared';
import './admin.css';

type LeaveType = Schemas['LeaveTypeDto'];
type Values = { code?: string; nameZh: string; nameEn: string; paid: boolean };

/**
 * Leave types (H-ATT-1): the four of the handbook and any the office adds; renamed, paid or not,
 * retired — never deleted. Each with its allowance rule and the rule's dated versions (issue 16);
 * below, the company's carry-over and the grant sweep's runs.
 */
export default function LeaveTypesPage() {
  const t = useT();
  const language = useLanguage();
  const settings = useBalanceSettings();
  const rulesOf = (code: string) => settings.data?.rules.find((rules) => rules.leaveType === code);
  const [ruleTarget, setRuleTarget] = useState<RuleTarget | null>(null);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const types = useQuery({ queryKey: ['leave-types'], queryFn: () => unwrap(api.GET('/leave-types')) });
  // null: closed; 'new': adding; a type: editing it.
  const [editing, setEditing] = useState<LeaveType | 'new' | null>(null);
  const setActive = useMutation({
    mutationFn: ({ code, active }: { code: string; active: boolean }) => unwrap(api.PATCH('/leave-types/{code}', { params: { path: { code } }, body: { active } })),
    onSuccess: (type) => {
      void queryClient.invalidateQueries({ queryKey: ['leave-types'] });
      void message.success(type.active ? t('admin.leaveTypes.reinstated') : t('admin.leaveTypes.retired'));
    },
    onError: (error) => void message.error(errorText(error)),
  });
  return (
    <div className="admin-page">
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('admin.leaveTypes.add')}
          </Button>
        }
      >
        {t('admin.leaveTypes.title')}
      </PageTitle>
      {types.error ? <ErrorAlert error={types.error} onRetry={() => void types.refetch()} /> : null}
      {settings.error ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      <AdminTable<LeaveType>
        rowKey="code"
        loading={types.isLoading || settings.isLoading}
        expandable={{
          rowExpandable: (type) => (rulesOf(type.code)?.versions.length ?? 0) > 0,
          expandedRowRender: (type) => <AllowanceVersions rules={rulesOf(type.code)!} />,
        }}
        dataSource={types.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('list.empty') }}
        columns={[
          { title: t('admin.leaveTypes.code'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
          { title: t('admin.leaveTypes.nameZh'), dataIndex: 'nameZh' },
          { title: t('admin.leaveTypes.nameEn'), dataIndex: 'nameEn' },
          { title: t('admin.leaveTypes.paid'), dataIndex: 'paid', render: (paid: boolean) => (paid ? t('admin.leaveTypes.paidYes') : t('admin.leaveTypes.paidNo')) },
          { title: t('admin.allowance.column'), key: 'allowance', render: (_, type) => (settings.data ? ruleText(t, rulesOf(type.code)?.current ?? null) : '…') },
          { title: t('field.status'), dataIndex: 'active', render: (active: boolean) => <StateTag state={active ? 'active' : 'retired'} /> },
          {
            title: t('admin.actions'),
            key: 'actions',
            render: (_, type) => (
              <Space wrap>
                <Button size="small" onClick={() => setEditing(type)} aria-label={t('admin.leaveTypes.editOne', { name: type.nameZh })}>
                  {t('action.edit')}
                </Button>
                <Button
                  size="small"
                  disabled={!settings.data}
                  onClick={() => setRuleTarget({ code: type.code, name: language === 'en' ? type.nameEn : type.nameZh, current: rulesOf(type.code)?.current ?? null })}
                  aria-label={t('admin.allowance.changeOne', { name: language === 'en' ? type.nameEn : type.nameZh })}
                >
                  {t('admin.allowance.change')}
                </Button>
                <Popconfirm
                  title={type.active ? t('admin.leaveTypes.retireTitle', { name: type.nameZh }) : t('admin.leaveTypes.reinstateTitle', { name: type.nameZh })}
                  description={type.active ? t('admin.leaveTypes.retireBody') : undefined}
                  okText={t('action.confirm')}
                  cancelText={t('action.cancel')}
                  onConfirm={() => setActive.mutateAsync({ code: type.code, active: !type.active }).catch(() => undefined)}
                >
                  <Button size="small" danger={type.active}>
                    {type.active ? t('admin.leaveTypes.retire') : t('admin.leaveTypes.reinstate')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <LeaveTypeForm editing={editing} onClose={() => setEditing(null)} />
      <AllowanceRuleForm target={ruleTarget} onClose={() => setRuleTarget(null)} />
      <CarryOverCard />
      <GrantRuns />
    </div>
  );
}

/** Adds a type (POST) or renames it / changes paid (PATCH); the code is fixed once created. */
function LeaveTypeForm({ editing, onClose }: { editing: LeaveType | 'new' | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);
  const adding = editing === 'new';

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(editing === 'new' ? { code: '', nameZh: '', nameEn: '', paid: false } : { nameZh: editing.nameZh, nameEn: editing.nameEn, paid: editing.paid });
    setBanner(null);
  }, [editing, form]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      editing === 'new'
        ? unwrap(api.POST('/leave-types', { body: { code: values.code ?? '', nameZh: values.nameZh, nameEn: values.nameEn, paid: values.paid } }))
        : unwrap(api.PATCH('/leave-types/{code}', { params: { path: { code: (editing as LeaveType).code } }, body: values })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['leave-types'] });
      void message.success(t('saved'));
      onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });
  const required = { required: true, message: t('admin.form.required') };
  return (
    <Modal
      open={!!editing}
      title={adding ? t('admin.leaveTypes.add') : t('admin.leaveTypes.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {banner ? <ErrorAlert error={banner} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        {adding ? (
          <Form.Item name="code" label={t('admin.leaveTypes.code')} extra={t('admin.leaveTypes.codeHelp')} rules={[required]}>
            <Input maxLength={40} placeholder="annual" />
          </Form.Item>
        ) : null}
        <Form.Item name="nameZh" label={t('admin.leaveTypes.nameZh')} rules={[required]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.leaveTypes.nameEn')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="paid" label={t('admin.leaveTypes.paid')} valuePropName="checked" extra={t('admin.leaveTypes.paidHelp')}>
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
