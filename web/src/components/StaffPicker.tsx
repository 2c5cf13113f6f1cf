import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { api, unwrap } from '../api/client';
import { useT } from '../i18n';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** Only active staff (default): nobody picks a person who has left for a new duty. */
  activeOnly?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  'aria-label'?: string;
  /** The current value's label when it is not in the first page of results (editing an existing record). */
  initialLabel?: string;
}

/**
 * Picks a person by name, employee number or username, searching the service (GET /staff?q=) as
 * one types: a company of 10,000 never loads its whole directory into a dropdown.
 */
export function StaffPicker({ value, onChange, activeOnly = true, placeholder, allowClear = true, id, initialLabel, ...rest }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const { data, isFetching } = useQuery({
    queryKey: ['staff', 'picker', query, activeOnly],
    queryFn: () => unwrap(api.GET('/staff', { params: { query: { q: query || undefined, active: activeOnly ? true : undefined, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = (data?.items ?? []).map((staff) => ({ value: staff.id, label: `${staff.name}（${staff.employeeNo}）` }));
  if (value && initialLabel && !options.some((option) => option.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(next) => onChange?.((next as string | undefined) ?? null)}
      options={options}
      loading={isFetching}
      allowClear={allowClear}
      placeholder={placeholder ?? t('staffPicker.placeholder')}
      notFoundContent={t('list.empty')}
      style={{ minWidth: 200, width: '100%' }}
    />
  );
}
