// Look up a deployment by number, serial or name, like the portal's own wizard. The
// context menu opens the popup with `?lookup=…`, which arrives here as `initialQuery` and
// runs at once.
import { useEffect, useState } from 'preact/hooks';
import { normalizeQuery } from '@/lib/lookup/query';
import type { ManualLookup as ManualLookupAnswer } from '@/lib/messaging/portal-results';
import { noteRender } from '@/lib/popup/perf';
import { useManualLookup } from '@/lib/popup/portal-queries';
import { MAX_SEARCH_QUERY_LENGTH } from '@/lib/portal/limits';
import { SearchIcon } from './icons';
import { PortalErrorNotice } from './PortalErrorNotice';
import { SupportRow } from './SupportRow';

interface Props {
  initialQuery?: string;
  announce: (message: string) => void;
}

export function ManualLookup({ initialQuery, announce }: Props) {
  const [draft, setDraft] = useState(initialQuery ?? '');
  const [query, setQuery] = useState(initialQuery);
  const lookup = useManualLookup(query);

  const submit = (event: Event) => {
    event.preventDefault();
    const next = normalizeQuery(draft);
    if (next === '') return;
    if (next === query) void lookup.refetch();
    else setQuery(next);
  };

  return (
    <section class="lookup" aria-label="Look up a deployment">
      <search>
        <form class="lookup-form" onSubmit={submit}>
          <label for="lookup-query" class="visually-hidden">
            Deployment number, serial or name
          </label>
          <span class="lookup-field">
            <SearchIcon />
            <input
              id="lookup-query"
              type="search"
              value={draft}
              maxLength={MAX_SEARCH_QUERY_LENGTH}
              placeholder="Number, serial or name"
              autoComplete="off"
              spellcheck={false}
              onInput={(event) => setDraft(event.currentTarget.value)}
            />
          </span>
          <button type="submit" class="button">
            Look up
          </button>
        </form>
      </search>
      {query !== undefined && (
        <LookupResults
          query={query}
          lookup={lookup}
          announce={announce}
          onClear={() => {
            setQuery(undefined);
            setDraft('');
          }}
        />
      )}
    </section>
  );
}

interface ResultsProps {
  query: string;
  lookup: ReturnType<typeof useManualLookup>;
  announce: (message: string) => void;
  onClear: () => void;
}

function LookupResults({ query, lookup, announce, onClear }: ResultsProps) {
  const answer = lookup.data;
  const found = answer?.ok ? answer.value : undefined;
  useEffect(() => {
    if (found) noteRender(lookup.dataUpdatedAt);
  }, [found, lookup.dataUpdatedAt]);

  return (
    <div class="lookup-results" data-testid="lookup-results">
      <div class="lookup-heading">
        <h2 class="group-heading lookup-title">Results for “{query}”</h2>
        <button type="button" class="link-button" onClick={onClear}>
          Clear
        </button>
      </div>
      <p class="visually-hidden" role="status">
        {lookup.isFetching ? 'Looking up…' : found ? resultCount(found) : ''}
      </p>
      {lookup.isPending && (
        <p class="scanning" aria-hidden="true">
          <span class="spinner" />
          Looking up “{query}”…
        </p>
      )}
      {answer?.ok === false && (
        <PortalErrorNotice
          error={answer.error}
          onRetry={() => void lookup.refetch()}
          retrying={lookup.isFetching}
        />
      )}
      {found && found.matches.length === 0 && (
        <p class="row-missing lookup-empty" data-testid="not-found">
          Not found in your portal account
          <span class="muted"> — {emptyHint(found)}</span>
        </p>
      )}
      {found && found.matches.length > 0 && (
        <ul class="identifiers">
          {found.matches.map((view) => (
            <li class="identifier" key={view.deployment.id}>
              <SupportRow
                kind="deployment"
                value={view.deployment.id}
                support={view}
                today={found.today}
                announce={announce}
              />
            </li>
          ))}
        </ul>
      )}
      {found?.more && (
        <p class="muted">More deployments match. Type more of the name to narrow it down.</p>
      )}
    </div>
  );
}

function resultCount({ matches, more }: ManualLookupAnswer): string {
  if (matches.length === 0) return 'Not found in your portal account';
  return `${matches.length}${more ? '+' : ''} deployment${matches.length === 1 ? '' : 's'} found`;
}

function emptyHint({ searchedAs }: ManualLookupAnswer): string {
  switch (searchedAs) {
    case 'deployment':
      return 'no deployment with this number that your organization can see.';
    case 'serial':
      return 'no appliance with this serial, and no deployment by that name.';
    default:
      return 'no deployment name or number matches this.';
  }
}
