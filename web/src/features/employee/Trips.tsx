import { Card } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { TripDetail } from './TripDetail';
import { TripForm } from './TripForm';
import { TripList } from './TripList';
import './employee.css';

/** Business trips (因公外出): asking for one, and following mine; the open one is in the URL (?trip=). */
export default function Trips() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const open = params.get('trip');
  const setOpen = (id: string | null) =>
    setParams((current) => {
      if (id) current.set('trip', id);
      else current.delete('trip');
      return current;
    });
  return (
    <div className="employee-page">
      <PageTitle>{t('trips.title')}</PageTitle>
      <div className="employee-columns">
        <Card title={<h2 className="card-title">{t('trips.new')}</h2>}>
          <TripForm />
        </Card>
        <Card title={<h2 className="card-title">{t('trips.mine')}</h2>} className="employee-list-card">
          <TripList onOpen={setOpen} />
        </Card>
      </div>
      <TripDetail id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
