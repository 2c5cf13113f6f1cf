import { useSearchParams } from 'react-router';
import { useCompany } from './company';
import { monthOf, todayIn } from './time';

/** The month a page shows, from `?month=YYYY-MM`, else the company's current month. */
export function useMonthParam(): [string, (month: string) => void] {
  const [params, setParams] = useSearchParams();
  const { timeZone } = useCompany();
  const raw = params.get('month');
  const month = raw && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : monthOf(todayIn(timeZone));
  return [
    month,
    (next: string) =>
      setParams(
        (current) => {
          current.set('month', next);
          return current;
        },
        { replace: true },
      ),
  ];
}
