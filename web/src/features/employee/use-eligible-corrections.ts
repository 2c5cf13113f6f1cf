import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';

export type EligibleDay = Schemas['EligibleDayDto'];
export type CorrectablePunch = Schemas['CorrectablePunchDto'];

/** GET /punch-corrections/eligible: my days within the deadline, what may still be corrected, the requests left per month. */
export function useEligibleCorrections(enabled = true) {
  return useQuery({
    queryKey: ['punch-corrections', 'eligible'],
    queryFn: () => unwrap(api.GET('/punch-corrections/eligible')),
    enabled,
  });
}

/** A punch I may ask for now: the policy allows its kind and no live request holds it. */
export const askable = (punch: CorrectablePunch): boolean => punch.allowed && !punch.requestId;

/** The first punch of a day I could ask for now (a missing one first), or null. */
export function firstAskable(day: EligibleDay | undefined): CorrectablePunch | null {
  if (!day || day.monthClosed) return null;
  const open = day.punches.filter(askable);
  return open.find((punch) => punch.kind === 'missing_punch') ?? open[0] ?? null;
}

/** The form's value for a punch: its session and direction in one string, as the radio group needs one. */
export const punchKey = (punch: { session: number; direction: string }): string => `${punch.session}:${punch.direction}`;
