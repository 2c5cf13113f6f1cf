import type { RuleSettings } from './attendance/types';
import type { CorrectionPolicy } from './attendance/corrections';
import type { OvertimePolicy } from './overtime/policy';

/** One effective-dated version of the attendance settings. */
export interface SettingVersion extends RuleSettings, CorrectionPolicy, OvertimePolicy {
  effectiveFrom: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are workdays (H-ATT-2: all seven by default). */
  workWeek: number[];
  punchWindowOpenMinutes: number;
  punchWindowCloseMinutes: number;
}

/**
 * The version in force on `date`: the latest that starts on or before it. Versions sorted ascending.
 * A date before the first version is governed by the first one: the company's rules as first
 * written down are the earliest it has (punches and leave from before them still need a verdict).
 */
export function versionOn<T extends { effectiveFrom: string }>(versions: readonly T[], date: string): T {
  if (versions.length === 0) throw new Error('No versions at all');
  let found = versions[0];
  for (const version of versions) {
    if (version.effectiveFrom <= date) found = version;
    else break;
  }
  return found;
}
