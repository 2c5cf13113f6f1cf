import { MonthSwitcher } from '../../components/MonthSwitcher';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { useMonthParam } from '../../lib/use-month-param';
import { DailyGrid } from '../finance/DailyGrid';
import './supervisor.css';

/** The month of the people reporting to me: the service scopes the grid to them (admins: everyone). */
export default function TeamMonth() {
  const t = useT();
  const [month, setMonth] = useMonthParam();
  return (
    <>
      <div className="sup-page wide">
        <PageTitle extra={<MonthSwitcher month={month} onChange={setMonth} />}>{t('sup.team.title')}</PageTitle>
        <p className="sup-intro">{t('sup.team.intro')}</p>
        <DailyGrid month={month} />
      </div>
    </>
  );
}
