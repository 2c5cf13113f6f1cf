import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { useErrorText } from '../../../lib/errors';

type Device = Schemas['DeviceDto'];
type DeviceWithKey = Schemas['DeviceWithKeyDto'];

/**
 * The two device actions that cut a terminal off, each confirmed first: a new key (the old one
 * stops at once, the terminal must be given the new one) and switching the device off or on.
 */
export function useDeviceActions(onNewKey: (device: DeviceWithKey) => void) {
  const t = useT();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();

  const rotate = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/devices/{id}/rotate-key', { params: { path: { id } } })),
    onSuccess: (device) => {
      void queryClient.invalidateQueries({ queryKey: ['devices'] });
      onNewKey(device);
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const setActive = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => unwrap(api.PATCH('/devices/{id}', { params: { path: { id } }, body: { active } })),
    onSuccess: (device) => {
      void message.success(device.active ? t('office.devices.activated', { name: device.name }) : t('office.devices.deactivated', { name: device.name }));
      void queryClient.invalidateQueries({ queryKey: ['devices'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });

  return {
    confirmRotate: (device: Device) =>
      modal.confirm({
        title: t('office.devices.rotateTitle', { name: device.name }),
        content: t('office.devices.rotateBody'),
        okText: t('office.devices.rotate'),
        okButtonProps: { danger: true },
        cancelText: t('action.cancel'),
        onOk: () => rotate.mutateAsync(device.id).catch(() => undefined),
      }),
    confirmActive: (device: Device, active: boolean) =>
      modal.confirm({
        title: active ? t('office.devices.activateTitle', { name: device.name }) : t('office.devices.deactivateTitle', { name: device.name }),
        content: active ? t('office.devices.activateBody') : t('office.devices.deactivateBody'),
        okText: active ? t('office.devices.activate') : t('office.devices.deactivate'),
        okButtonProps: { danger: !active },
        cancelText: t('action.cancel'),
        onOk: () => setActive.mutateAsync({ id: device.id, active }).catch(() => undefined),
      }),
  };
}
