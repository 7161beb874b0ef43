// The patient list: search by any part of a name in any script, a passport name or a phone; filter by where the
// patient is on the trip; sort by column; move with the keyboard. Rows are virtualised so a clinic with years of
// patients scrolls as smoothly as one with ten.
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_text,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SEARCH_RESULTS, type PatientSummary } from '../../../../shared/contract/patients';
import { formatPhone } from '../../../../shared/domain/intake/identifiers';
import { TRIP_STATUSES, type TripStatus } from '../../../../shared/domain/intake/vocabulary';
import { ErrorReference, failureOf, useFailureText, type Failure } from '../../components/ErrorReference';
import { useChannelMutation } from '../../api/channel-mutation';
import { channelQuery } from '../../api/channel-query';
import { LoadFailure } from '../../components/LoadFailure';
import { hrefOf, navigate, newPatientRoute } from '../../app/routes';
import { countryName } from '../../components/display-names';

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text },
});
const column = createColumnHelper<typeof features, PatientSummary>();
const ROW_HEIGHT = 44;
const SEARCH_DELAY_MS = 120;

type StatusFilter = 'all' | TripStatus;

function useColumns() {
  const { t, i18n } = useTranslation();
  return useMemo(
    () =>
      column.columns([
        column.accessor('nativeName', {
          header: () => t('list.columns.nativeName'),
          // A record restricted by a deletion request (listed only when the filter asks) says so beside the name.
          cell: (info) =>
            info.row.original.restricted ? (
              <>
                <span className="badge badge--restricted" data-restricted>
                  {t('list.restricted')}
                </span>{' '}
                {info.getValue()}
              </>
            ) : (
              info.getValue()
            ),
          sortFn: 'text',
        }),
        column.accessor('latinName', { header: () => t('list.columns.latinName'), sortFn: 'text' }),
        column.accessor('nationality', {
          header: () => t('list.columns.nationality'),
          cell: (info) => countryName(info.getValue(), i18n.language),
          sortFn: 'text',
        }),
        column.accessor((row) => row.languages.join(', '), {
          id: 'languages',
          header: () => t('list.columns.languages'),
          cell: (info) => info.row.original.languages.map((tag) => t(`languages.${tag}`)).join(', '),
          enableSorting: false,
        }),
        column.accessor((row) => (row.phone ? formatPhone(row.phone) : ''), {
          id: 'phone',
          header: () => t('list.columns.phone'),
          enableSorting: false,
        }),
        column.accessor('arrival', { header: () => t('list.columns.arrival'), sortFn: 'alphanumeric' }),
        column.accessor('departure', { header: () => t('list.columns.departure'), sortFn: 'alphanumeric' }),
        column.accessor('tripStatus', {
          header: () => t('list.columns.status'),
          cell: (info) => <span className={`badge badge--${info.getValue()}`}>{t(`tripStatus.${info.getValue()}`)}</span>,
          sortFn: 'text',
        }),
        column.accessor('screeningOpen', {
          header: () => t('list.columns.screening'),
          cell: (info) =>
            info.getValue() === 0 ? (
              <span className="muted">{t('list.screeningDone')}</span>
            ) : (
              <span className="badge badge--warn">{t('list.screeningOpen', { count: info.getValue() })}</span>
            ),
          sortFn: 'alphanumeric',
        }),
      ]),
    [t, i18n.language],
  );
}

export function PatientListScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [showRestricted, setShowRestricted] = useState(false);
  // What is searched follows what is typed after a short pause, so a word typed is one search, not one per key.
  const [searched, setSearched] = useState({ query, status, showRestricted });
  useEffect(() => {
    const timer = window.setTimeout(() => setSearched({ query, status, showRestricted }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query, status, showRestricted]);
  const search = useQuery({
    ...channelQuery('searchPatients', {
      query: searched.query,
      tripStatus: searched.status,
      limit: MAX_SEARCH_RESULTS,
      includeRestricted: searched.showRestricted,
    }),
    // The rows found last stay on screen while the next search runs.
    placeholderData: keepPreviousData,
  });
  const typing = searched.query !== query || searched.status !== status || searched.showRestricted !== showRestricted;
  const loading = typing || search.isFetching;
  const rows: readonly PatientSummary[] = search.data?.rows ?? [];
  const truncated = search.data?.truncated ?? false;
  const [error, setError] = useState<Failure | null>(null);
  const failureText = useFailureText();
  const drafts = useQuery(channelQuery('listDrafts', {})).data ?? [];
  const seedDemoPatients = useChannelMutation('seedDemoPatients', ['searchPatients']);
  const searchBox = useRef<HTMLInputElement>(null);
  const table = useRef<PatientTableHandle>(null);

  useEffect(() => {
    // "/" jumps to the search box, as in most list-heavy apps.
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
        event.preventDefault();
        searchBox.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const loadDemo = async () => {
    const result = await seedDemoPatients.mutateAsync({});
    setError(result.ok ? null : failureOf(result.error));
  };

  const newDrafts = drafts.filter((draft) => draft.key.startsWith('new:'));
  const nothingAtAll = !loading && !search.isError && rows.length === 0 && query === '' && status === 'all';

  // aria-busy while a search is in flight: assistive tech (and the e2e tests) wait for the settled list.
  return (
    <section className="screen" aria-labelledby="list-title" aria-busy={loading}>
      <div className="screen__header">
        <h1 id="list-title">{t('list.title')}</h1>
        <button type="button" className="button--primary" onClick={() => navigate(newPatientRoute())}>
          {t('app.newPatient')}
        </button>
      </div>

      {newDrafts.length > 0 && (
        <aside className="drafts" aria-labelledby="drafts-title">
          <h2 id="drafts-title">{t('list.drafts')}</h2>
          <ul>
            {newDrafts.map((draft) => (
              <li key={draft.key}>
                <span>{draft.label || t('list.untitledDraft')}</span>
                <a href={hrefOf({ screen: 'new-patient', draftId: draft.key.slice('new:'.length) })}>{t('list.resume')}</a>
              </li>
            ))}
          </ul>
        </aside>
      )}

      <div className="toolbar" role="search">
        <label className="toolbar__search">
          <span className="visually-hidden">{t('list.search')}</span>
          <input
            ref={searchBox}
            type="search"
            name="search"
            value={query}
            autoFocus
            placeholder={t('list.searchPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              // As the hint under the box says: the arrows go into the list, Enter opens the selected patient (the
              // first one found, until another is selected), without leaving the keyboard.
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                table.current?.enterFromSearch();
              } else if (event.key === 'Enter') {
                // While a search is still to come, the rows on screen are the last search's: Enter then opens
                // nothing rather than a patient the new search may not find.
                if (!loading && table.current?.openSelected()) event.preventDefault();
              }
            }}
          />
        </label>
        <div className="segmented" role="radiogroup" aria-label={t('list.status')}>
          {(['all', ...TRIP_STATUSES] as const).map((value) => (
            <label key={value} className="segmented__option">
              <input type="radio" name="trip-status" value={value} checked={status === value} onChange={() => setStatus(value)} />
              <span>{t(`tripStatus.${value}`)}</span>
            </label>
          ))}
        </div>
        <label className="toolbar__option">
          <input
            type="checkbox"
            name="show-restricted"
            checked={showRestricted}
            onChange={(event) => setShowRestricted(event.target.checked)}
          />
          <span>{t('list.showRestricted')}</span>
        </label>
        <span className="toolbar__count" aria-live="polite">
          {loading ? t('list.loading') : t('list.count', { count: rows.length })}
        </span>
      </div>
      <p className="hint">{t('list.searchHint')}</p>
      {error && (
        <p className="banner banner--error" role="alert">
          {failureText(error)}
          <ErrorReference reference={error.reference} />
        </p>
      )}
      {search.isError && <LoadFailure error={search.error} onRetry={() => void search.refetch()} retrying={search.isFetching} />}
      {truncated && <p className="banner">{t('list.truncated', { count: rows.length })}</p>}

      {nothingAtAll ? (
        <div className="empty">
          <p className="empty__title">{t('list.empty')}</p>
          <p>{t('list.emptyHint')}</p>
          <div className="empty__actions">
            <button type="button" className="button--primary" onClick={() => navigate(newPatientRoute())}>
              {t('app.newPatient')}
            </button>
            <button type="button" onClick={() => void loadDemo()}>
              {t('list.loadDemo')}
            </button>
          </div>
        </div>
      ) : search.isError ? null : !loading && rows.length === 0 ? (
        <p className="empty">{t('list.noMatch', { query })}</p>
      ) : (
        <PatientTable rows={rows} handle={table} />
      )}
    </section>
  );
}

/** An element's height, kept current (the header row grows when a translation wraps). */
function useHeight(element: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const target = element.current;
    if (!target) return;
    setHeight(target.offsetHeight);
    const observer = new ResizeObserver(() => setHeight(target.offsetHeight));
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return height;
}

/** What the search box may ask of the list. */
interface PatientTableHandle {
  /** Moves the focus into the list, on the selected row. */
  enterFromSearch(): void;
  /** Opens the selected patient; false when the list has none. */
  openSelected(): boolean;
}

function PatientTable({
  rows,
  handle,
}: {
  readonly rows: readonly PatientSummary[];
  readonly handle: RefObject<PatientTableHandle | null>;
}) {
  const { t } = useTranslation();
  const columns = useColumns();
  const data = useMemo(() => [...rows], [rows]);
  const table = useTable({ features, columns, data, getRowId: (row) => row.id, initialState: { sorting: [] } });
  const tableRows = table.getRowModel().rows;
  // The focusable grid is itself the scroll container (with a sticky header row), so keyboard users can scroll
  // what they can focus; the rows start below the header, which the virtualizer is told about.
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const headHeight = useHeight(head);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scroller.current,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  useEffect(() => setActive((index) => Math.min(index, Math.max(0, tableRows.length - 1))), [tableRows.length]);

  const open = useCallback((patient: PatientSummary) => navigate({ screen: 'patient', id: patient.id }), []);

  useImperativeHandle(
    handle,
    () => ({
      enterFromSearch: () => {
        virtualizer.scrollToIndex(active, { align: 'auto' });
        scroller.current?.focus();
      },
      openSelected: () => {
        const row = tableRows[active];
        if (row) open(row.original);
        return row !== undefined;
      },
    }),
    [active, open, tableRows, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = tableRows.length - 1;
    const visible = (scroller.current?.clientHeight ?? ROW_HEIGHT * 10) - headHeight;
    const page = Math.max(1, Math.floor(visible / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = Math.max(0, Math.min(last, moves[event.key]!));
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    } else if (event.key === 'Enter' && tableRows[active]) {
      event.preventDefault();
      open(tableRows[active].original);
    }
  };

  const template = 'minmax(9rem,1.3fr) minmax(10rem,1.4fr) minmax(7rem,1fr) minmax(8rem,1.2fr) minmax(9rem,1fr) 7rem 7rem 7rem 6.5rem';

  return (
    <div
      className="grid"
      role="grid"
      aria-rowcount={tableRows.length + 1}
      aria-activedescendant={tableRows[active] ? `patient-row-${tableRows[active].id}` : undefined}
      tabIndex={0}
      ref={scroller}
      onKeyDown={onKeyDown}
      aria-label={t('list.title')}
    >
      <div className="grid__head" role="row" ref={head} style={{ gridTemplateColumns: template }}>
        {table.getHeaderGroups()[0]!.headers.map((header) => {
          const sorted = header.column.getIsSorted();
          return (
            <div key={header.id} role="columnheader" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
              {header.column.getCanSort() ? (
                <button type="button" className="grid__sort" onClick={header.column.getToggleSortingHandler()}>
                  <table.FlexRender header={header} />
                  <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                </button>
              ) : (
                <table.FlexRender header={header} />
              )}
            </div>
          );
        })}
      </div>
      <div className="grid__body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = tableRows[item.index]!;
          return (
            <div
              key={row.id}
              id={`patient-row-${row.id}`}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={item.index === active}
              className={`grid__row${item.index === active ? ' grid__row--active' : ''}`}
              data-patient-id={row.id}
              style={{ transform: `translateY(${item.start - headHeight}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
              onClick={() => {
                setActive(item.index);
                open(row.original);
              }}
            >
              {row.getAllCells().map((cell) => (
                <div key={cell.id} role="gridcell" className={`grid__cell grid__cell--${cell.column.id}`}>
                  <table.FlexRender cell={cell} />
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
