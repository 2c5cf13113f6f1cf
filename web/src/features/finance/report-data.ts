import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';

export type ReportRow = Schemas['ReportRowDto'];
export type Report = Schemas['MonthlyReportDto'];

/**
 * The report's largest page (MAX_REPORT_PAGE_SIZE): every request computes the whole month, so
 * fewer, larger pages are faster — 10,000 people arrive in two requests.
 */
const PAGE = 5000;
/** Pages asked for at once: fast, without flooding a service other people are using. */
const PARALLEL = 2;

/**
 * Every row of a month's report (the API pages it): the table sorts and pages over the whole
 * company on the client, virtualised, so that finance can sort 10,000 people by penalties at once.
 * `loaded` counts rows as they arrive so that the page can say how far it is.
 */
/** One page of the report as JSON (the same path also answers CSV and XLSX, hence the union it is typed with). */
async function reportPage(month: string, page: number): Promise<Report> {
  return (await unwrap(api.GET('/reports/monthly', { params: { query: { month, page, pageSize: PAGE, format: 'json' } } }))) as Report;
}

export function useWholeReport(month: string) {
  const [loaded, setLoaded] = useState(0);
  const query = useQuery({
    queryKey: ['report', month],
    queryFn: async () => {
      setLoaded(0);
      const first = await reportPage(month, 1);
      const pages = Math.ceil(first.total / PAGE);
      const rest: ReportRow[][] = new Array(Math.max(0, pages - 1));
      let count = first.items.length;
      setLoaded(count);
      for (let start = 2; start <= pages; start += PARALLEL) {
        const batch = Array.from({ length: Math.min(PARALLEL, pages - start + 1) }, (_, i) => start + i);
        await Promise.all(
          batch.map(async (page) => {
            const answer = await reportPage(month, page);
            rest[page - 2] = answer.items;
            count += answer.items.length;
            setLoaded(count);
          }),
        );
      }
      return { ...first, items: [first.items, ...rest].flat() } satisfies Report;
    },
  });
  return { ...query, loaded };
}
