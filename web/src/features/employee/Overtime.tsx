import { Card } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { OvertimeDetail } from './OvertimeDetail';
import { OvertimeForm } from './OvertimeForm';
import { OvertimeList } from './OvertimeList';
import './employee.css';

/** Overtime (加班, issue 22): asking for a window outside my shift and following my requests. The open request is in the URL (?overtime=). */
export default function Overtime() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const open = params.get('overtime');
  const setOpen = (id: string | null) =>
    setParams((current) => {
      if (id) current.set('overtime', id);
      else current.delete('overtime');
      return current;
    });
  return (
    <div className="employee-page">
      <PageTitle>{t('ot.title')}</PageTitle>
      <div className="employee-columns">
        <Card title={<h2 className="card-title">{t('ot.new')}</h2>}>
          <OvertimeForm onOpen={setOpen} />
        </Card>
        <Card title={<h2 className="card-title">{t('ot.mine')}</h2>} className="employee-list-card">
          <OvertimeList onOpen={setOpen} />
        </Card>
      </div>
      <OvertimeDetail id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
