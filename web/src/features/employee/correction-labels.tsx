import type { Schemas } from '../../api/client';
import { StatusTag } from '../../components/StatusTag';
import { type MessageKey, type Translate, useT } from '../../i18n';
import type { Language } from '../../i18n/language-store';
import { formatTime } from '../../lib/time';

type Correction = Schemas['PunchCorrectionDto'];

/** A correction's states in the report's colours: a voided (cancelled) one reads like a rejected one. */
const CORRECTION_COLOURS: Record<string, string> = {
  pending: 'pending',
  approved: 'present',
  filed: 'leave',
  rejected: 'absent',
  withdrawn: 'rest',
  cancelled: 'absent',
};

/** The state of a make-up punch request: "withdrawn" (by the requester) and "cancelled" (voided by the office) differ here, unlike leave. */
export function CorrectionStatus({ status }: { status: string }) {
  const t = useT();
  return <StatusTag status={CORRECTION_COLOURS[status] ?? 'rest'} label={t(`corr.status.${status}` as MessageKey)} />;
}

/** The history's event words for a correction (撤回 by the requester, 作废 by the office). */
export const correctionEvent = (t: Translate) => (toStatus: string) => t(`corr.event.${toStatus}` as MessageKey);

/** "下班打卡（第 2 时段）": which punch of the day's shift, sessions counted from 1 as people do. */
export function punchLabel(punch: { session: number; direction: string }, t: Translate): string {
  return t('corr.punchLabel', { direction: t(`corr.direction.${punch.direction}` as MessageKey), n: punch.session + 1 });
}

/** "下班打卡（第 2 时段）17:35": the punch and the claimed time in company time. */
export function correctionSummary(correction: Pick<Correction, 'session' | 'direction' | 'at'>, zone: string, language: Language, t: Translate): string {
  return `${punchLabel(correction, t)} ${formatTime(correction.at, zone, language)}`;
}
