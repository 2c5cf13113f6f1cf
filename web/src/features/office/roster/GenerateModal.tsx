import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { StaffPicker } from '../../../components/StaffPicker';
import { useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';

interface Person {
  id: string;
  label: string;
}

/**
 * Fills the month's empty dates with a rotation, in the order the office lists people. The service
 * skips whoever is not employed or on approved leave that day and never replaces an assignment.
 */
export function GenerateModal({ open, month, gaps, onClose }: { open: boolean; month: string; gaps: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [people, setPeople] = useState<Person[]>([]);
  const [picking, setPicking] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (open) {
      setFailure(null);
      setMissing(false);
    }
  }, [open]);

  const generate = useMutation({
    mutationFn: () => unwrap(api.POST('/roster/generate', { body: { month, staffIds: people.map((person) => person.id) } })),
    onSuccess: (roster) => {
      void message.success(roster.gaps === 0 ? t('office.roster.generated.full', { filled: gaps }) : t('office.roster.generated.done', { filled: gaps - roster.gaps, left: roster.gaps }));
      queryClient.setQueryData(['roster', month], roster);
      void queryClient.invalidateQueries({ queryKey: ['roster'] });
      onClose();
    },
    onError: setFailure,
  });

  // The picker gives an id; the list shows the person's name and number, from the service.
  const add = async (id: string | null) => {
    setPicking(id);
    if (!id || people.some((person) => person.id === id)) return setPicking(null);
    try {
      const staff = await queryClient.fetchQuery({ queryKey: ['staff', 'one', id], queryFn: () => unwrap(api.GET('/staff/{id}', { params: { path: { id } } })) });
      setPeople((current) => (current.some((person) => person.id === id) ? current : [...current, { id, label: `${staff.name}（${staff.employeeNo}）` }]));
      setMissing(false);
    } catch (error) {
      setFailure(error);
    } finally {
      setPicking(null);
    }
  };
  const move = (index: number, delta: number) => {
    const next = [...people];
    [next[index], next[index + delta]] = [next[index + delta], next[index]];
    setPeople(next);
  };

  return (
    <Modal
      open={open}
      title={t('office.roster.generateTitle')}
      okText={t('office.roster.generate')}
      cancelText={t('action.cancel')}
      confirmLoading={generate.isPending}
      onOk={() => (people.length === 0 ? setMissing(true) : generate.mutate())}
      onCancel={onClose}
    >
      <Typography.Paragraph className="office-muted">{t('office.roster.generateBody', { gaps })}</Typography.Paragraph>
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form layout="vertical">
        <Form.Item label={t('office.roster.rotation')} htmlFor="rotation-add" validateStatus={missing ? 'error' : undefined} help={missing ? t('office.roster.rotationEmpty') : t('office.roster.rotationHelp')}>
          <StaffPicker id="rotation-add" value={picking} onChange={(id) => void add(id)} allowClear={false} placeholder={t('office.roster.addPerson')} />
        </Form.Item>
      </Form>
      <ol className="office-rotation" aria-label={t('office.roster.rotation')}>
        {people.map((person, index) => (
          <li key={person.id}>
            <span aria-hidden="true">{index + 1}.</span>
            <span className="office-rotation-name">{person.label}</span>
            <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('office.roster.moveUp', { name: person.label })} />
            <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === people.length - 1} onClick={() => move(index, 1)} aria-label={t('office.roster.moveDown', { name: person.label })} />
            <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => setPeople(people.filter((p) => p.id !== person.id))} aria-label={t('office.roster.remove', { name: person.label })} />
          </li>
        ))}
      </ol>
    </Modal>
  );
}
