import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { showFormErrors } from '../form-errors';

type Device = Schemas['DeviceDto'];
type DeviceWithKey = Schemas['DeviceWithKeyDto'];

interface Values {
  name: string;
  serialNumber: string;
  timeZone: string | undefined;
  pinMapping: Device['pinMapping'];
  pushStaff: boolean;
}

/**
 * Registers a terminal (serial = a serial number to prefill, from the unknown-serials list), or
 * changes one's name, zone, how its PINs are read and whether staff are pushed to it. A new device's key goes to onRegistered, shown once.
 */
export function DeviceForm({
  open,
  device,
  serial,
  onClose,
  onRegistered,
}: {
  open: boolean;
  device: Device | null;
  serial?: string;
  onClose: () => void;
  onRegistered: (device: DeviceWithKey) => void;
}) {
  const t = useT();
  const { timeZone: companyZone } = useCompany();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [zoneSearch, setZoneSearch] = useState('');

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(
      device
        ? { name: device.name, serialNumber: device.serialNumber, timeZone: device.timeZone ?? '', pinMapping: device.pinMapping, pushStaff: device.pushStaff }
        : { name: '', serialNumber: serial ?? '', timeZone: '', pinMapping: 'employee_no', pushStaff: true },
    );
  }, [open, device, serial, form]);

  const save = useMutation({
    mutationFn: async ({ serialNumber, timeZone, ...values }: Values) => {
      // Empty: the company zone. The service takes no null here (its validator refuses it), so the
      // field is left out; a zone once set is changed, not cleared (the field's rule says so).
      const zone = (timeZone ?? '').trim() || undefined;
      if (device) return { saved: await unwrap(api.PATCH('/devices/{id}', { params: { path: { id: device.id } }, body: { ...values, timeZone: zone } })), key: null };
      // timeZoneUnit is no longer read; the typed client still asks for it, so its default goes.
      const created = await unwrap(api.POST('/devices', { body: { ...values, serialNumber, timeZone: zone, timeZoneUnit: 'hours' } }));
      return { saved: created, key: created };
    },
    onSuccess: ({ key }) => {
      void queryClient.invalidateQueries({ queryKey: ['devices'] });
      onClose();
      if (key) onRegistered(key);
      else void message.success(t('saved'));
    },
    onError: (error) => setFailure(showFormErrors(form, error) ? null : error),
  });

  const zoneOptions = zones.filter((zone) => zone.toLowerCase().includes(zoneSearch.toLowerCase())).slice(0, 50).map((zone) => ({ value: zone }));
  return (
    <Modal
      open={open}
      title={device ? t('office.devices.editTitle', { name: device.name }) : t('office.devices.register')}
      okText={device ? t('action.save') : t('office.devices.registerOk')}
      cancelText={t('action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="name" label={t('office.devices.field.name')} extra={t('office.devices.nameHelp')} rules={[{ required: true, whitespace: true, message: t('office.required') }, { max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="serialNumber"
          label={t('office.devices.field.serial')}
          extra={device ? t('office.devices.serialFixed') : t('office.devices.serialHelp')}
          rules={[{ required: true, message: t('office.required') }, { pattern: /^[A-Za-z0-9_.-]{1,64}$/, message: t('office.devices.serialRule') }]}
        >
          <Input disabled={!!device} autoComplete="off" className="office-mono" />
        </Form.Item>
        <Form.Item
          name="timeZone"
          label={t('office.devices.field.zone')}
          extra={t('office.devices.zoneHelp', { zone: companyZone })}
          rules={device?.timeZone ? [{ required: true, whitespace: true, message: t('office.devices.zoneKeep', { zone: companyZone }) }] : []}
        >
          <AutoComplete options={zoneOptions} onSearch={setZoneSearch} placeholder={t('office.devices.companyZone', { zone: companyZone })} allowClear />
        </Form.Item>
        <Form.Item name="pinMapping" label={t('office.devices.field.pinMapping')}>
          <Select
            options={[
              { value: 'employee_no', label: t('office.devices.pin.employee_no') },
              { value: 'employee_no_digits', label: t('office.devices.pin.employee_no_digits') },
            ]}
          />
        </Form.Item>
        {/* The zone unit is no longer read (the service writes TimeZone as the PUSH document says), so it is not asked. */}
        <Form.Item name="pushStaff" label={t('terminals.field.pushStaff')} extra={t('terminals.pushStaffHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
