import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api, unwrap } from '../../../api/client';
import { useT } from '../../../i18n';
import { useErrorText } from '../../../lib/errors';

/** The requests the office files once approved (H-ORG-4), by the list they live in. */
const FILE = {
  'leave-requests': (id: string) => unwrap(api.POST('/leave-requests/{id}/file', { params: { path: { id } }, body: {} })),
  exemptions: (id: string) => unwrap(api.POST('/exemptions/{id}/file', { params: { path: { id } }, body: {} })),
  'punch-corrections': (id: string) => unwrap(api.POST('/punch-corrections/{id}/file', { params: { path: { id } }, body: {} })),
  'overtime-requests': (id: string) => unwrap(api.POST('/overtime-requests/{id}/file', { params: { path: { id } }, body: {} })),
} as const;

/** Files an approved request with the office; its list is read again, the outcome said in a message. */
export function useFileRequest(kind: keyof typeof FILE) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string): Promise<unknown> => FILE[kind](id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [kind] });
      void message.success(t('admin.requests.filed'));
    },
    onError: (error) => void message.error(errorText(error)),
  });
}
