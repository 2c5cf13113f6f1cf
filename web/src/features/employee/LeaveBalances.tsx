import { useQuery } from '@tanstack/react-query';
import { Collapse, Select, Skeleton } from 'antd';
import { api, type Schemas, unwrap } from '../../api/client';
import { useMe } from '../../auth/session';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert } from '../../lib/errors';
import { formatDay, todayIn } from '../../lib/time';
import { useLeaveTypes } from './leave-span';
import './balances.css';

type TypeBalance = Schemas['TypeBalanceDto'];
type Entry = Schemas['LedgerEntryDto'];
type LieuBalance = Schemas['LieuBalanceDto'];

/** This year in company time. */
export function useThisYear(): number {
  const { timeZone } = useCompany();
  return Number(todayIn(timeZone).slice(0, 4));
}

/** A person's balances of a year (GET /leave-balances): only the leave types that keep one are listed. */
export function useBalances(staffId: string, year?: number) {
  const thisYear = useThisYear();
  const y = year ?? thisYear;
  return useQuery({
    queryKey: ['leave-balances', staffId, y],
    queryFn: () => unwrap(api.GET('/leave-balances', { params: { query: { staffId, year: y } } })),
    staleTime: 30_000,
  });
}

/** My balances of a year. */
export function useMyBalances(year?: number) {
  return useBalances(useMe().id, year);
}

/** Which year's balances are shown: last year, this year (the default) or next year. */
export function BalanceYearPicker({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const t = useT();
  const thisYear = useThisYear();
  return (
    <Select<number>
      size="small"
      className="balance-year"
      aria-label={t('balance.year')}
      value={value}
      onChange={onChange}
      options={[thisYear - 1, thisYear, thisYear + 1].map((year) => ({ value: year, label: t('balance.yearValue', { year }) }))}
    />
  );
}

/** Days as the service counts them (half days), without a trailing .0. */
export const days = (n: number): string => String(Math.round(n * 10) / 10);

/** Hours as the service gives them (two decimals at most), without trailing zeros. */
export const hours = (n: number): string => String(Math.round(n * 100) / 100);

/** Whether a year's time off in lieu has anything to show: a grant valid in it, an adjustment, or leave without a grant. */
export const showsLieu = (lieu: LieuBalance | undefined): lieu is LieuBalance => !!lieu && (lieu.lots.length > 0 || lieu.adjustments.length > 0 || lieu.unfundedHours > 0);

/**
 * Time off in lieu (调休, issue 22) in hours: what is usable today, and each grant — earned on, hours,
 * used, when it expires and what expired of it (paid at 200%) — behind a click, with the office's adjustments.
 */
function LieuCard({ lieu, name }: { lieu: LieuBalance; name: string }) {
  const t = useT();
  const language = useLanguage();
  const day = (date: string) => formatDay(date, language, { year: 'numeric', month: 'short', day: 'numeric' });
  const facts = [
    { key: 'granted', label: t('balance.lieu.granted'), value: hours(lieu.grantedHours) },
    { key: 'taken', label: t('balance.taken'), value: hours(lieu.takenHours) },
    { key: 'reserved', label: t('balance.reserved'), value: hours(lieu.reservedHours) },
    { key: 'expired', label: t('balance.lieu.expired'), value: hours(lieu.expiredHours) },
  ];
  return (
    <section className="balance-type" aria-label={name}>
      <div className="balance-type-head">
        <h3 className="balance-type-name">{name}</h3>
        <div className="balance-available">
          <span className="balance-available-number">{hours(lieu.availableHours)}</span>
          <span className="balance-available-label">{t('balance.lieu.availableHours')}</span>
        </div>
      </div>
      <dl className="balance-facts">
        {facts.map((fact) => (
          <div key={fact.key}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {lieu.unfundedHours > 0 ? <p className="balance-expiring">{t('balance.lieu.unfunded', { hours: hours(lieu.unfundedHours) })}</p> : null}
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'lots',
            label: t('balance.lieu.lots', { count: lieu.lots.length }),
            children: (
              <ol className="balance-ledger">
                {lieu.lots.map((lot) => (
                  <li key={`${lot.source}-${lot.earnedOn}`} className="balance-entry balance-lot">
                    <div className="balance-entry-head">
                      <span>
                        {day(lot.earnedOn)} · {t(lot.source === 'office' ? 'balance.lieu.fromOffice' : 'balance.lieu.fromOvertime')}
                      </span>
                      <span className="balance-plus">+{hours(lot.hours)}</span>
                    </div>
                    <div className="balance-entry-text">
                      {t('balance.lieu.lotUse', { used: hours(lot.usedHours), reserved: hours(lot.reservedHours), remaining: hours(lot.remainingHours) })}
                    </div>
                    <div className={lot.expired ? 'balance-entry-text balance-lot-expired' : 'balance-entry-text'}>
                      {lot.expired ? t('balance.lieu.lotExpired', { date: day(lot.expiresOn), hours: hours(lot.expiredHours) }) : t('balance.lieu.lotExpires', { date: day(lot.expiresOn) })}
                    </div>
                  </li>
                ))}
                {lieu.adjustments.map((adjustment) => (
                  <li key={`adjustment-${adjustment.id}`} className="balance-entry">
                    <div className="balance-entry-head">
                      <span>
                        {day(adjustment.date)} · {t('balance.entry.adjustment')}
                      </span>
                      <span className={adjustment.hours < 0 ? 'balance-minus' : 'balance-plus'}>{adjustment.hours > 0 ? `+${hours(adjustment.hours)}` : hours(adjustment.hours)}</span>
                    </div>
                    <div className="balance-entry-text">{adjustment.reason}</div>
                  </li>
                ))}
              </ol>
            ),
          },
        ]}
      />
    </section>
  );
}

/** The entry's name: what kind of change it is, a release saying what it gives back, a carry-over which way. */
function entryKey(entry: Entry): MessageKey {
  if (entry.kind === 'release' && entry.of) return `balance.entry.release.${entry.of}` as MessageKey;
  if (entry.kind === 'expiry' && entry.of) return `balance.entry.expiry.${entry.of}` as MessageKey;
  if (entry.kind === 'carry_over' && entry.direction) return `balance.entry.carry_over.${entry.direction}` as MessageKey;
  return `balance.entry.${entry.kind}` as MessageKey;
}

function Ledger({ entries }: { entries: Entry[] }) {
  const t = useT();
  const language = useLanguage();
  return (
    <ol className="balance-ledger">
      {entries.map((entry) => (
        <li key={entry.id} className="balance-entry">
          <div className="balance-entry-head">
            <span>
              {formatDay(entry.date, language, { year: 'numeric', month: 'short', day: 'numeric' })} · {t(entryKey(entry))}
            </span>
            <span className={entry.days < 0 ? 'balance-minus' : 'balance-plus'}>{entry.days > 0 ? `+${days(entry.days)}` : days(entry.days)}</span>
          </div>
          {entry.reason ? <div className="balance-entry-text">{entry.reason}</div> : null}
          {entry.sentences.map((sentence, i) => (
            <div key={i} className="balance-entry-text">{sentence}</div>
          ))}
        </li>
      ))}
    </ol>
  );
}

/** `future`: the year shown when it is still to come (nothing has fallen due yet). */
function TypeCard({ balance, name, future }: { balance: TypeBalance; name: string; future: number | null }) {
  const t = useT();
  const language = useLanguage();
  const facts: { key: string; label: string; value: string }[] = [
    { key: 'entitled', label: t('balance.entitled'), value: days(balance.entitled) },
    ...(balance.adjusted !== 0 ? [{ key: 'adjusted', label: t('balance.adjusted'), value: balance.adjusted > 0 ? `+${days(balance.adjusted)}` : days(balance.adjusted) }] : []),
    ...(balance.carried !== 0 || balance.expiring
      ? [{ key: 'carried', label: t('balance.carried'), value: days(balance.carried) }]
      : []),
    { key: 'taken', label: t('balance.taken'), value: days(balance.taken) },
    { key: 'reserved', label: t('balance.reserved'), value: days(balance.reserved) },
  ];
  return (
    <section className="balance-type" aria-label={name}>
      <div className="balance-type-head">
        <h3 className="balance-type-name">{name}</h3>
        <div className="balance-available">
          <span className="balance-available-number">{days(balance.available)}</span>
          <span className="balance-available-label">{t('balance.availableDays')}</span>
        </div>
      </div>
      <dl className="balance-facts">
        {facts.map((fact) => (
          <div key={fact.key}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {balance.expiring ? (
        <p className="balance-expiring">{t('balance.expiring', { days: days(balance.expiring.days), date: formatDay(balance.expiring.on, language, { year: 'numeric', month: 'short', day: 'numeric' }) })}</p>
      ) : null}
      {balance.entries.length === 0 ? (
        // Nothing granted yet: grants are written when they fall due (statutory leave once 12 months are worked).
        <p className="balance-note">{future ? t('balance.noEntriesFuture', { year: future }) : t(balance.rule.kind === 'statutory' ? 'balance.noEntriesStatutory' : 'balance.noEntries')}</p>
      ) : (
        <Collapse
          size="small"
          ghost
          items={[{ key: 'ledger', label: t('balance.ledger', { count: balance.entries.length }), children: <Ledger entries={balance.entries} /> }]}
        />
      )}
    </section>
  );
}

/**
 * A person's leave balances of a year (issue 16): per tracked type what is left and how it came
 * about, the ledger behind a click, and 调休 in hours when there is any (issue 22). The employee's
 * own card and the office's view of anyone.
 */
export function LeaveBalances({ staffId, year }: { staffId: string; year: number }) {
  const t = useT();
  const language = useLanguage();
  const types = useLeaveTypes(language);
  const balances = useBalances(staffId, year);
  const thisYear = useThisYear();
  if (balances.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (balances.error) return <ErrorAlert error={balances.error} onRetry={() => void balances.refetch()} />;
  const items = balances.data?.types ?? [];
  const lieu = balances.data?.lieu;
  if (items.length === 0 && !showsLieu(lieu)) return <p className="employee-empty">{t('balance.none', { year })}</p>;
  return (
    <div className="balance-list">
      {items.map((balance) => (
        <TypeCard key={balance.leaveType} balance={balance} name={types.nameOf(balance.leaveType)} future={year > thisYear ? year : null} />
      ))}
      {showsLieu(lieu) ? <LieuCard lieu={lieu} name={types.nameOf('lieu')} /> : null}
    </div>
  );
}
