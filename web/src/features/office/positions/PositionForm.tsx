import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { showFormErrors } from '../form-errors';
import type { Position } from '../use-positions';

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Adds a position, or renames one (its code never changes: staff records and reports refer to it). */
export function PositionForm({ open, position, onClose }: { open: boolean; position: Position | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(position ? { code: position.code, nameZh: position.nameZh, nameEn: position.nameEn } : { code: '', nameZh: '', nameEn: '' });
  }, [open, position, form]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      position
        ? unwrap(api.PATCH('/positions/{code}', { params: { path: { code: position.code } }, body: { nameZh: values.nameZh, nameEn: values.nameEn } }))
        : unwrap(api.POST('/positions', { body: values })),
    onSuccess: () => {
      void message.success(t('saved'));
      void queryClient.invalidateQueries({ queryKey: ['positions'] });
      onClose();
    },
    onError: (error) => setFailure(showFormErrors(form, error) ? null : error),
  });

  return (
    <Modal
      open={open}
      title={position ? t('office.positions.renameTitle', { code: position.code }) : t('office.positions.new')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item
          name="code"
          label={t('office.positions.field.code')}
          extra={position ? t('office.positions.codeFixed') : t('office.positions.codeHelp')}
          rules={[{ required: true, message: t('office.required') }, { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('office.positions.codeRule') }]}
        >
          <Input disabled={!!position} autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('office.positions.field.nameZh')} rules={[{ required: true, whitespace: true, message: t('office.required') }, { max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('office.positions.field.nameEn')} rules={[{ required: true, whitespace: true, message: t('office.required') }, { max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
