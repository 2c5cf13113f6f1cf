import { useCallback, useState } from 'react';
import { DEFAULT_GROUPS, GROUP_KEYS, type GroupKey } from './report-columns';

/** One key per person: two people sharing a browser each keep their own choice. */
const keyFor = (staffId: string) => `kaoqin.report.columns.${staffId}`;

function read(staffId: string): GroupKey[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(keyFor(staffId)) ?? 'null');
    // Only groups this console knows, in the table's order; anything else (an older build's groups) falls back to the default.
    if (Array.isArray(stored)) return GROUP_KEYS.filter((key) => stored.includes(key));
  } catch {
    // A value someone edited by hand: the default again.
  }
  return [...DEFAULT_GROUPS];
}

/** The report's column groups the signed-in person has chosen, remembered in this browser. */
export function useColumnGroups(staffId: string): [GroupKey[], (groups: GroupKey[]) => void] {
  const [groups, setGroups] = useState(() => read(staffId));
  const choose = useCallback(
    (next: GroupKey[]) => {
      const ordered = GROUP_KEYS.filter((key) => next.includes(key));
      localStorage.setItem(keyFor(staffId), JSON.stringify(ordered));
      setGroups(ordered);
    },
    [staffId],
  );
  return [groups, choose];
}
