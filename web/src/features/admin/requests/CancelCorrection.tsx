import { api, unwrap, type Schemas } from '../../../api/client';
import { useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { correctionSummary } from '../../employee/correction-labels';
import { StaffName } from '../shared';
import { CancelWithReason } from './CancelWithReason';

/**
 * Cancels an approved (or filed) make-up punch with a reason: its punch is voided — kept, with the
 * reason, never deleted — and the day is judged again from the other punches; the terminal's own
 * records are untouched.
 */
export function CancelCorrection({ correction, onClose }: { correction: Schemas['PunchCorrectionDto'] | null; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  return (
    <CancelWithReason
      id={correction?.id ?? null}
      summary={
        correction ? (
          <>
            <StaffName id={correction.staffId} /> · {correction.date} · {correctionSummary(correction, timeZone, language, t)}
          </>
        ) : null
      }
      call={(id, reason) => unwrap(api.POST('/punch-corrections/{id}/cancel', { params: { path: { id } }, body: { reason } }))}
      invalidate={[['punch-corrections'], ['attendance']]}
      labels={{ title: 'corr.admin.cancelTitle', body: 'corr.admin.cancelBody', ok: 'corr.admin.cancelOk', done: 'corr.admin.cancelled', reason: 'corr.admin.cancelReason', reasonMin: 'corr.admin.reasonMin' }}
      onClose={onClose}
    />
  );
}
