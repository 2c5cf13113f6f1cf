import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { StaffPicker } from '../../../components/StaffPicker';
import { useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { todayIn } from '../../../lib/time';
import { showFormErrors } from '../form-errors';
import { usePositions } from '../use-positions';

type Staff = Schemas['StaffDto'];

interface Values {
  employeeNo: string;
  name: string;
  username: string;
  password: string;
  positionCode: string | null;
  supervisorId: string | null;
  roles: ('admin' | 'finance')[];
  hiredOn: string;
}

const blank = (today: string): Values => ({ employeeNo: '', name: '', username: '', password: '', positionCode: null, supervisorId: null, roles: [], hiredOn: today });

/** Adds a person, or changes one (staff = the person). The initial password is typed by the office. */
export function StaffForm({ open, staff, onClose }: { open: boolean; staff: Staff | null; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const positions = usePositions();
  // The current supervisor's name, for the picker's label when they are not on its first page.
  const supervisor = useQuery({
    queryKey: ['staff', 'one', staff?.supervisorId],
    queryFn: () => unwrap(api.GET('/staff/{id}', { params: { path: { id: staff!.supervisorId! } } })),
    enabled: open && !!staff?.supervisorId,
  });

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(
      staff
        ? { employeeNo: staff.employeeNo, name: staff.name, username: staff.username, password: '', positionCode: staff.positionCode, supervisorId: staff.supervisorId, roles: staff.roles, hiredOn: staff.hiredOn }
        : blank(todayIn(timeZone)),
    );
  }, [open, staff, form, timeZone]);

  const save = useMutation({
    mutationFn: ({ password, ...values }: Values) =>
      staff
        ? unwrap(api.PATCH('/staff/{id}', { params: { path: { id: staff.id } }, body: values }))
        : unwrap(api.POST('/staff', { body: { ...values, password: password || undefined } })),
    onSuccess: (saved) => {
      void message.success(staff ? t('saved') : t('office.staff.created', { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: ['staff'] });
      onClose();
    },
    onError: (error) => setFailure(showFormErrors(form, error) ? null : error),
  });

  // A retired position stays on the people who hold it, but nobody new is given it.
  const positionOptions = (positions.data?.items ?? [])
    .filter((position) => position.active || position.code === staff?.positionCode)
    .map((position) => ({ value: position.code, label: language === 'en' ? position.nameEn : position.nameZh }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md ? 480 : '100%'}
      title={staff ? t('office.staff.editTitle', { name: staff.name }) : t('office.staff.new')}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)} requiredMark="optional" className="office-form">
        <Form.Item name="employeeNo" label={t('field.employeeNo')} rules={[{ required: true, message: t('office.required') }, { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('office.staff.employeeNoRule') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, message: t('office.required') }, { max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="username" label={t('office.staff.field.username')} rules={[{ required: true, message: t('office.required') }, { pattern: /^[A-Za-z0-9_.-]{2,64}$/, message: t('office.staff.usernameRule') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {staff ? null : (
          <Form.Item name="password" label={t('office.staff.field.initialPassword')} extra={t('office.staff.initialPasswordHelp')} rules={[{ min: 8, message: t('office.staff.passwordRule') }, { max: 128 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="positionCode" label={t('office.staff.field.position')}>
          <Select allowClear options={positionOptions} loading={positions.isLoading} placeholder={t('office.staff.noPosition')} />
        </Form.Item>
        <Form.Item name="supervisorId" label={t('office.staff.field.supervisor')} extra={t('office.staff.supervisorHelp')}>
          <StaffPicker initialLabel={supervisor.data ? `${supervisor.data.name}（${supervisor.data.employeeNo}）` : undefined} />
        </Form.Item>
        <Form.Item name="roles" label={t('office.staff.field.roles')} extra={t('office.staff.rolesHelp')}>
          <Checkbox.Group options={[{ value: 'admin', label: t('role.admin') }, { value: 'finance', label: t('role.finance') }]} />
        </Form.Item>
        <Form.Item name="hiredOn" label={t('office.staff.field.hiredOn')} rules={[{ required: true, message: t('office.required') }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
