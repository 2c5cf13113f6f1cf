import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useT } from '../../i18n';
import { useErrorText } from '../../lib/errors';

interface Withdrawal {
  /** The call that withdraws the request with this id. */
  call: (id: string) => Promise<unknown>;
  /** The lists read again afterwards. */
  invalidate: QueryKey[];
  /** Said once it is done, asked before, and written on the confirming button. */
  done: string;
  question: string;
  action: string;
}

/** An employee withdrawing their own request: asked first (it cannot be undone), then said, the lists read again. */
export function useWithdraw({ call, invalidate, done, question, action }: Withdrawal) {
  const t = useT();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: call,
    onSuccess: () => {
      void message.success(done);
      for (const queryKey of invalidate) void queryClient.invalidateQueries({ queryKey });
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const confirm = (id: string) =>
    modal.confirm({
      title: question,
      content: t('confirm.irreversible'),
      okText: action,
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: () => mutation.mutateAsync(id).catch(() => undefined),
    });
  return { confirm, pending: mutation.isPending };
}
