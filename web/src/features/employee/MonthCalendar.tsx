import type { Schemas } from '../../api/client';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { formatDay, weekdayIndex } from '../../lib/time';
import { STATUS_COLOURS } from '../../theme';

type Day = Schemas['AttendanceDayDto'];

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

interface Props {
  days: Day[];
  today: string;
  selected: string | null;
  onSelect: (date: string) => void;
}

/**
 * A month as a Monday-first grid, each date in its status colour with a short code (colour is
 * never the only signal); each date is a button whose name says the date and the status in full.
 */
export function MonthCalendar({ days, today, selected, onSelect }: Props) {
  const t = useT();
  const language = useLanguage();
  const blanks = days.length > 0 ? weekdayIndex(days[0].date) : 0;
  return (
    <div className="employee-calendar" role="group" aria-label={t('myMonth.calendar')}>
      {WEEK.map((day) => (
        <div key={day} className="employee-calendar-weekday" aria-hidden>
          {t(`myMonth.weekday.${day}` as MessageKey)}
        </div>
      ))}
      {Array.from({ length: blanks }, (_, i) => (
        <div key={`blank-${i}`} className="employee-calendar-blank" aria-hidden />
      ))}
      {days.map((day) => {
        const colour = STATUS_COLOURS[day.status] ?? STATUS_COLOURS.rest;
        const status = t(`status.${day.status}` as MessageKey);
        const classes = ['employee-calendar-day'];
        if (day.date === selected) classes.push('selected');
        if (day.date === today) classes.push('today');
        return (
          <button
            key={day.date}
            type="button"
            className={classes.join(' ')}
            style={{ background: colour.background, color: colour.text }}
            aria-pressed={day.date === selected}
            aria-label={`${formatDay(day.date, language, { month: 'long', day: 'numeric', weekday: 'long' })} ${status}`}
            onClick={() => onSelect(day.date)}
          >
            <span className="employee-calendar-number">{Number(day.date.slice(8))}</span>
            <span className="employee-calendar-code">{t(`myMonth.code.${day.status}` as MessageKey)}</span>
          </button>
        );
      })}
    </div>
  );
}

/** Every status with its colour and word: the key to the calendar. */
export function StatusLegend() {
  const t = useT();
  return (
    <ul className="employee-legend" aria-label={t('myMonth.legend')}>
      {Object.entries(STATUS_COLOURS).map(([status, colour]) => (
        <li key={status}>
          <span className="employee-legend-swatch" style={{ background: colour.background, color: colour.text }} aria-hidden>
            {t(`myMonth.code.${status}` as MessageKey)}
          </span>
          {t(`status.${status}` as MessageKey)}
        </li>
      ))}
    </ul>
  );
}
