// The KHIDI annual foreign-patient report: pick a year, see the patients seen that year with the fields KHIDI
// asks for, fix each gap at the patient's intake (linked), and export the .xlsx to upload.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../../shared/domain/catalog/catalog-schema';
import { CLINIC_TIME_ZONE, todayIn } from '../../../../shared/domain/intake/calendar-date';
import type { KhidiReportView } from '../../../../shared/contract/reports';
import { api } from '../../api/client';
import { hrefOf } from '../../app/routes';
import { downloadBase64 } from './download';

/** The screen shows the first lines and gaps; the spreadsheet holds them all. */
const SHOWN_ROWS = 200;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function KhidiPanel({ catalog }: { readonly catalog: Catalog | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'ko' ? 'ko' : 'en';
  const thisYear = Number(todayIn(CLINIC_TIME_ZONE, new Date()).slice(0, 4));
  // Reports are due by the end of February for the year before: that year is the default.
  const [year, setYear] = useState(thisYear - 1);
  const [report, setReport] = useState<KhidiReportView | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const countries = new Intl.DisplayNames([language], { type: 'region' });
  const treatmentName = (id: string) => catalog?.find((treatment) => treatment.id === id)?.names[language] ?? id;

  const show = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await api.getKhidiReport({ year, limit: SHOWN_ROWS });
    setBusy(false);
    if (result.ok) {
      setReport(result.value);
      setMessage(null);
    } else setMessage({ kind: 'error', text: result.error.message });
  };

  const exportXlsx = async () => {
    setBusy(true);
    const result = await api.exportKhidiReport({ year });
    setBusy(false);
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
    downloadBase64(result.value.fileName, result.value.dataBase64, XLSX_TYPE);
    setMessage({ kind: 'ok', text: t('reports.khidi.exported', { file: result.value.fileName, count: result.value.patients }) });
  };

  return (
    <section className="report-section" aria-labelledby="khidi-title">
      <h2 id="khidi-title">{t('reports.khidi.title')}</h2>
      <p className="hint">{t('reports.khidi.intro')}</p>
      <form className="report-range" onSubmit={(event) => void show(event)}>
        <div className="field">
          <label htmlFor="khidi-year">{t('reports.khidi.year')}</label>
          <select id="khidi-year" name="year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {Array.from({ length: 7 }, (_, index) => thisYear - index).map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy} data-show-khidi>
          {t('reports.show')}
        </button>
        <button type="button" className="button--primary" disabled={busy} onClick={() => void exportXlsx()} data-export-khidi>
          {t('reports.khidi.export')}
        </button>
      </form>
      {message && (
        <p className={`banner banner--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {report && (
        <>
          <p id="khidi-count" data-khidi-count>
            {t('reports.khidi.count', { count: report.totalPatients, year: report.year })}
          </p>
          {report.withGaps.length > 0 && (
            <div className="banner banner--warn" data-khidi-gaps>
              <p className="banner__title">{t('reports.khidi.gapsTitle', { count: report.totalWithGaps })}</p>
              <ul>
                {report.withGaps.map((entry) => (
                  <li key={entry.patientId}>
                    <a href={hrefOf({ screen: 'patient', id: entry.patientId })}>
                      {entry.latinName} <span lang="">{entry.nativeName}</span>
                    </a>
                    : {entry.gaps.map((gap) => t(`reports.khidi.gaps.${gap}`)).join(', ')}
                  </li>
                ))}
              </ul>
              {report.totalWithGaps > report.withGaps.length && (
                <p className="hint">{t('reports.khidi.moreGaps', { count: report.totalWithGaps - report.withGaps.length })}</p>
              )}
            </div>
          )}
          {report.patients.length > 0 && (
            <div className="report-table-wrap" tabIndex={0} role="region" aria-labelledby="khidi-count">
              <table className="quote">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.khidi.name')}</th>
                    <th scope="col">{t('reports.nationality')}</th>
                    <th scope="col">{t('reports.khidi.birthYear')}</th>
                    <th scope="col">{t('reports.khidi.sex')}</th>
                    <th scope="col">{t('reports.referralRoute')}</th>
                    <th scope="col">{t('reports.khidi.care')}</th>
                    <th scope="col">{t('reports.khidi.visits')}</th>
                    <th scope="col">{t('reports.khidi.followUps')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.patients.map((patient) => (
                    <tr key={patient.patientId}>
                      <th scope="row">
                        <a href={hrefOf({ screen: 'patient', id: patient.patientId })}>{patient.latinName}</a>
                      </th>
                      <td>{patient.nationality ? countries.of(patient.nationality) : '—'}</td>
                      <td>{patient.birthYear ?? '—'}</td>
                      <td>{patient.sex ? t(`sex.${patient.sex}`) : '—'}</td>
                      <td>{patient.referral ? t(`referral.routes.${patient.referral.route}`) : '—'}</td>
                      <td>{patient.treatments.map(treatmentName).join(', ')}</td>
                      <td>
                        {patient.firstVisit === patient.lastVisit ? patient.firstVisit : `${patient.firstVisit} – ${patient.lastVisit}`} (
                        {patient.sessions})
                      </td>
                      <td>
                        {patient.followUps.done}/{patient.followUps.total}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {report.totalPatients > report.patients.length && (
                <p className="hint">{t('reports.khidi.more', { count: report.totalPatients - report.patients.length })}</p>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
