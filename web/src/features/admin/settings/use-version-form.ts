import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { addDays, todayIn } from '../../../lib/time';
import { bannerAfter } from '../shared';

/**
 * A form that saves a new version of a setting from a date on (attendance rules, a leave type's
 * allowance, the carry-over): each time it opens it starts from `start` with tomorrow as the date;
 * once saved it says from when, refreshes `invalidate` and closes; a refusal goes beside the fields
 * and what none of them shows into `banner`.
 */
export function useVersionForm<V extends { effectiveFrom: string }, R extends { effectiveFrom: string }>(options: {
  open: boolean;
  start: () => Omit<V, 'effectiveFrom'>;
  mutationFn: (values: V) => Promise<R>;
  invalidate: QueryKey[];
  onClose: () => void;
}) {
  const t = useT();
  const { timeZone } = useCompany();
  const [form] = Form.useForm<V>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<unknown>(null);
  // Read when the form opens, not a reason to reset it while open.
  const start = useRef(options.start);
  start.current = options.start;

  useEffect(() => {
    if (!options.open) return;
    form.resetFields();
    form.setFieldsValue({ ...start.current(), effectiveFrom: addDays(todayIn(timeZone), 1) } as Parameters<typeof form.setFieldsValue>[0]);
    setBanner(null);
  }, [options.open, form, timeZone]);

  const save = useMutation({
    mutationFn: options.mutationFn,
    onSuccess: (version) => {
      for (const queryKey of options.invalidate) void queryClient.invalidateQueries({ queryKey });
      void message.success(t('admin.rules.saved', { date: version.effectiveFrom }));
      options.onClose();
    },
    onError: (error) => setBanner(bannerAfter(form, error)),
  });
  return { form, save, banner };
}
