import { Card } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { CorrectionDetail } from './CorrectionDetail';
import { CorrectionForm } from './CorrectionForm';
import { CorrectionList } from './CorrectionList';
import './employee.css';

/**
 * Make-up punches (补卡, issue 17): asking for a missed punch and following my requests. The open
 * request is in the URL (?correction=); a link from my month's day names the punch to prefill
 * (?date=&session=&direction=).
 */
export default function Corrections() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const open = params.get('correction');
  const session = params.get('session');
  const direction = params.get('direction');
  const date = params.get('date');
  const prefill = date && session !== null && (direction === 'in' || direction === 'out') ? { date, session: Number(session), direction } : null;
  const setOpen = (id: string | null) =>
    setParams((current) => {
      if (id) current.set('correction', id);
      else current.delete('correction');
      return current;
    });
  return (
    <div className="employee-page">
      <PageTitle>{t('corr.title')}</PageTitle>
      <div className="employee-columns">
        <Card title={<h2 className="card-title">{t('corr.new')}</h2>}>
          <CorrectionForm key={prefill ? `${prefill.date}-${prefill.session}-${prefill.direction}` : 'blank'} prefill={prefill} onOpen={setOpen} />
        </Card>
        <Card title={<h2 className="card-title">{t('corr.mine')}</h2>} className="employee-list-card">
          <CorrectionList onOpen={setOpen} />
        </Card>
      </div>
      <CorrectionDetail id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
