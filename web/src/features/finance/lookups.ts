import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { useLanguage } from '../../i18n';

/** A code's name in the reader's language; the code itself when the catalogue does not know it (yet). */
type Namer = (code: string | null | undefined) => string;

function useNamer(items: { code: string; nameZh: string; nameEn: string }[] | undefined): Namer {
  const language = useLanguage();
  return useCallback(
    (code) => {
      if (!code) return '—';
      const found = items?.find((item) => item.code === code);
      return found ? (language === 'en' ? found.nameEn : found.nameZh) : code;
    },
    [items, language],
  );
}

/** Leave types (事假, 病假 …) by code, with retired ones, so that old requests keep their names. */
export function useLeaveTypes(): { codes: string[]; name: Namer } {
  const { data } = useQuery({ queryKey: ['leave-types'], queryFn: () => unwrap(api.GET('/leave-types')), staleTime: 5 * 60_000 });
  return { codes: (data?.items ?? []).map((type) => type.code), name: useNamer(data?.items) };
}

/** Positions by code (the report names them as the exports do). */
export function usePositions(): Namer {
  const { data } = useQuery({ queryKey: ['positions'], queryFn: () => unwrap(api.GET('/positions')), staleTime: 5 * 60_000 });
  return useNamer(data?.items);
}

/**
 * Finance's policy in force in a month, chosen as the report chooses it (FinancePolicyRepository.inForce):
 * the latest version from that month or before, else the first. The report page shows it from this
 * small list while the month's rows are still loading.
 */
export function usePolicyInForce(month: string): Schemas['FinancePolicyDto'] | undefined {
  const { data } = useQuery({ queryKey: ['finance-policy'], queryFn: () => unwrap(api.GET('/finance-policy')) });
  const versions = data?.items ?? [];
  return versions.filter((version) => version.effectiveMonth <= month).at(-1) ?? versions[0];
}
