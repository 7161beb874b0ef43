// Reports: the coordinator's numbers for a date range, and the KHIDI annual foreign-patient report.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../../shared/domain/catalog/catalog-schema';
import { api } from '../../api/client';
import { KhidiPanel } from './KhidiPanel';
import { SummaryPanel } from './SummaryPanel';

export function ReportsScreen() {
  const { t } = useTranslation();
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  useEffect(() => {
    let current = true;
    void api.getCatalog({}).then((result) => {
      if (current && result.ok) setCatalog(result.value);
    });
    return () => {
      current = false;
    };
  }, []);
  return (
    <section className="screen screen--reports" aria-labelledby="reports-title">
      <div className="screen__header">
        <h1 id="reports-title">{t('reports.title')}</h1>
      </div>
      <SummaryPanel catalog={catalog} />
      <KhidiPanel catalog={catalog} />
    </section>
  );
}
