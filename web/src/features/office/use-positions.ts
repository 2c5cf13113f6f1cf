import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { useLanguage } from '../../i18n';

export type Position = Schemas['PositionDto'];

/** The whole position catalogue (a company has tens, not thousands), retired ones included. */
export function usePositions() {
  return useQuery({ queryKey: ['positions'], queryFn: () => unwrap(api.GET('/positions')), staleTime: 60_000 });
}

/** A position's name in the reader's language; the bare code while the catalogue loads. */
export function usePositionName(): (code: string | null | undefined) => string {
  const language = useLanguage();
  const { data } = usePositions();
  return (code) => {
    if (!code) return '—';
    const position = data?.items.find((item) => item.code === code);
    if (!position) return code;
    return language === 'en' ? position.nameEn : position.nameZh;
  };
}
