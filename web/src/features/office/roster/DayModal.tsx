import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Modal, Popconfirm, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { StaffPicker } from '../../../components/StaffPicker';
import { useLanguage, useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { formatDay } from '../../../lib/time';
import { showFormErrors } from '../form-errors';

type RosterDay = Schemas['RosterDayDto'];

/** Who is on duty on one date: put someone on it (replacing whoever was), or leave it empty. */
export function DayModal({ day, onClose }: { day: RosterDay | null; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ staffId: string | null }>();
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (!day) return;
    setFailure(null);
    form.setFieldsValue({ staffId: day.staffId });
  }, [day, form]);

  const done = (text: string) => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: ['roster'] });
    onClose();
  };
  const put = useMutation({
    mutationFn: (staffId: string) => unwrap(api.PUT('/roster/{date}', { params: { path: { date: day!.date } }, body: { staffId } })),
    onSuccess: (saved) => done(t('office.roster.set', { name: saved.name ?? '' })),
    onError: (error) => setFailure(showFormErrors(form, error) ? null : error),
  });
  const clear = useMutation({
    mutationFn: () => unwrap(api.DELETE('/roster/{date}', { params: { path: { date: day!.date } } })),
    onSuccess: () => done(t('office.roster.cleared')),
    onError: (error) => setFailure(error),
  });

  const label = day ? formatDay(day.date, language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }) : '';
  return (
    <Modal
      open={!!day}
      title={t('office.roster.dayTitle', { date: label })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        day?.staffId ? (
          <Popconfirm
            key="clear"
            title={t('office.roster.clearTitle')}
            description={t('office.roster.clearBody', { name: day.name ?? '' })}
            okText={t('office.roster.clear')}
            cancelText={t('action.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => clear.mutateAsync().catch(() => undefined)}
          >
            <Button danger loading={clear.isPending}>{t('office.roster.clear')}</Button>
          </Popconfirm>
        ) : null,
        <Button key="cancel" onClick={onClose}>{t('action.cancel')}</Button>,
        <Button key="save" type="primary" loading={put.isPending} onClick={() => form.submit()}>{t('action.save')}</Button>,
      ]}
    >
      <Typography.Paragraph className="office-muted">
        {day?.staffId ? t('office.roster.currently', { name: day.name ?? '', no: day.employeeNo ?? '' }) : t('office.roster.emptyDay')}
      </Typography.Paragraph>
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => values.staffId && put.mutate(values.staffId)}>
        <Form.Item name="staffId" label={t('office.roster.person')} rules={[{ required: true, message: t('office.roster.pickSomeone') }]}>
          <StaffPicker allowClear={false} initialLabel={day?.staffId ? `${day.name}（${day.employeeNo}）` : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
