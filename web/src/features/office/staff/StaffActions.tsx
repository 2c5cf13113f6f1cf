import { DownOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { useErrorText } from '../../../lib/errors';
import { DeactivateModal } from './DeactivateModal';
import { PasswordModal } from './PasswordModal';

type Staff = Schemas['StaffDto'];

/** What the office does to one person: edit, set a password, end or restore employment. */
export function StaffActions({ staff, onEdit, compact = false }: { staff: Staff; onEdit: () => void; compact?: boolean }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'password' | 'deactivate' | null>(null);

  const reactivate = useMutation({
    mutationFn: () => unwrap(api.POST('/staff/{id}/reactivate', { params: { path: { id: staff.id } } })),
    onSuccess: () => {
      void message.success(t('office.staff.reactivated', { name: staff.name }));
      void queryClient.invalidateQueries({ queryKey: ['staff'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const confirmReactivate = () =>
    modal.confirm({
      title: t('office.staff.reactivateTitle', { name: staff.name }),
      content: t('office.staff.reactivateBody'),
      okText: t('office.staff.reactivate'),
      cancelText: t('action.cancel'),
      onOk: () => reactivate.mutateAsync().catch(() => undefined),
    });

  const more = [
    { key: 'password', label: t('office.staff.resetPassword'), disabled: !staff.active },
    staff.active ? { key: 'deactivate', label: t('office.staff.deactivate'), danger: true } : { key: 'reactivate', label: t('office.staff.reactivate') },
  ];
  const onMore = (key: string) => {
    if (key === 'reactivate') confirmReactivate();
    else setDialog(key as 'password' | 'deactivate');
  };

  return (
    <>
      {compact ? (
        <Space size={4} wrap={false}>
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={t('office.staff.editNamed', { name: staff.name })}>
            {t('action.edit')}
          </Button>
          <Dropdown menu={{ items: more, onClick: ({ key }) => onMore(key) }} trigger={['click']}>
            <Button size="small" aria-label={t('office.staff.moreNamed', { name: staff.name })}>
              {t('office.staff.more')} <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      ) : (
        <Space wrap>
          <Button icon={<EditOutlined />} onClick={onEdit}>{t('action.edit')}</Button>
          {staff.active ? <Button onClick={() => setDialog('password')}>{t('office.staff.resetPassword')}</Button> : null}
          {staff.active ? (
            <Button danger onClick={() => setDialog('deactivate')}>{t('office.staff.deactivate')}</Button>
          ) : (
            <Button onClick={confirmReactivate} loading={reactivate.isPending}>{t('office.staff.reactivate')}</Button>
          )}
        </Space>
      )}
      <PasswordModal staff={staff} open={dialog === 'password'} onClose={() => setDialog(null)} />
      <DeactivateModal staff={staff} open={dialog === 'deactivate'} onClose={() => setDialog(null)} />
    </>
  );
}
