import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { type MessageKey, useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { bannerAfter } from '../shared';

type Values = { reason: string };

interface Props {
  /** The request being cancelled (its id), or null while the dialog is closed. */
  id: string | null;
  /** What is cancelled, in a line above the reason. */
  summary: ReactNode;
  call: (id: string, reason: string) => Promise<unknown>;
  /** The lists read again afterwards. */
  invalidate: QueryKey[];
  labels: { title: MessageKey; body: MessageKey; ok: MessageKey; done: MessageKey; reason: MessageKey; reasonMin: MessageKey };
  onClose: () => void;
}

/** The office cancels an approved (or filed) request with a reason (at least 3 characters): said what it does first, the lists read again after. */
export function CancelWithReason({ id, summary, call, invalidate, labels, onClose }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);

  useEffect(() => {
    if (!id) return;
    form.resetFields();
    setBanner(null);
  }, [id, form]);

  const cancel = useMutation({
    mutationFn: (values: Values) => call(id!, values.reason.trim()),
    onSuccess: () => {
      for (const queryKey of invalidate) void queryClient.invalidateQueries({ queryKey });
      void message.success(t(labels.done));
      onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });

  return (
    <Modal
      open={!!id}
      title={t(labels.title)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(labels.ok)}
      okButtonProps={{ danger: true }}
      cancelText={t('action.cancel')}
      confirmLoading={cancel.isPending}
      destroyOnHidden
    >
      {id ? <Alert type="info" showIcon className="admin-gap-bottom" title={summary} description={t(labels.body)} /> : null}
      {banner ? <ErrorAlert error={banner} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => cancel.mutate(values)} initialValues={{ reason: '' }}>
        <Form.Item name="reason" label={t(labels.reason)} rules={[{ required: true, whitespace: true, min: 3, message: t(labels.reasonMin) }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
