// Reports: the coordinator's numbers for a date range, and the KHIDI annual foreign-patient report.
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../api/reads';
import { LoadFailure } from '../../components/LoadFailure';
import { KhidiPanel } from './KhidiPanel';
import { SummaryPanel } from './SummaryPanel';

export function ReportsScreen() {
  const { t } = useTranslation();
  const catalogRead = useCatalog();
  // Without the catalog the reports still count; treatments are then named by their ids.
  const catalog = catalogRead.data ?? null;
  return (
    <section className="screen screen--reports" aria-labelledby="reports-title">
      <div className="screen__header">
        <h1 id="reports-title">{t('reports.title')}</h1>
      </div>
      {catalogRead.isError && (
        <LoadFailure error={catalogRead.error} onRetry={() => void catalogRead.refetch()} retrying={catalogRead.isFetching} />
      )}
      <SummaryPanel catalog={catalog} />
      <KhidiPanel catalog={catalog} />
    </section>
  );
}
