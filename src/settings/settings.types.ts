import type { RuleSettings } from '../attendance/rules/types';

/** One effective-dated version of the attendance settings. */
export interface SettingVersion extends RuleSettings {
  effectiveFrom: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are workdays (H-ATT-2: all seven by default). */
  workWeek: number[];
  punchWindowOpenMinutes: number;
  punchWindowCloseMinutes: number;
}

/** The version in force on `date`: the latest that starts on or before it. Versions sorted ascending. */
export function versionOn<T extends { effectiveFrom: string }>(versions: readonly T[], date: string): T {
  let found: T | undefined;
  for (const version of versions) {
    if (version.effectiveFrom <= date) found = version;
    else break;
  }
  if (!found) throw new Error(`No version in force on ${date}`);
  return found;
}
