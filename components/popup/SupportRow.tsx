// One identifier (or one deployment found by a manual lookup) with what the portal knows:
// name, product, serials, the status chip, the renewal plan in words and figures, and the
// cart controls. Until the portal answers, or when it cannot, the row is the identifier
// alone, still copyable.
import { memo } from 'preact/compat';
import type { SupportView } from '@/lib/messaging/portal-results';
import { formatCalendarDate } from '@/lib/popup/format';
import { planWords, priceWords } from '@/lib/popup/support-wording';
import type { RowSupport } from '@/lib/popup/urgency';
import { CopyButton } from './CopyButton';
import { RenewalControls } from './RenewalControls';
import { StatusChip } from './StatusChip';

interface Props {
  kind: 'deployment' | 'serial';
  value: string;
  /** Occurrences on the page; absent for lookup results. */
  count?: number;
  support: RowSupport;
  /** The date the plan was made for (the user's local today). */
  today?: string;
  announce: (message: string) => void;
  /** Its deployment already has a full row above (its ID or another serial is on the page). */
  repeat?: boolean;
}

const LABELS = {
  deployment: { row: 'Deployment', copy: 'deployment ID' },
  serial: { row: 'Serial', copy: 'serial number' },
} as const;

// Memoized: a long list re-renders as each page of answers arrives, and a row whose props
// did not change (same answer object) is skipped.
export const SupportRow = memo(function SupportRow({
  kind,
  value,
  count,
  support,
  today,
  announce,
  repeat,
}: Props) {
  const view = typeof support === 'object' ? support : undefined;
  return (
    <article
      class={`row${view ? ` row-${view.standing}` : ''}`}
      aria-label={`${LABELS[kind].row} ${value}`}
    >
      <div class="row-head">
        <span class="identifier-value" data-testid="identifier">
          {value}
        </span>
        {count !== undefined && count > 1 && (
          <span class="identifier-occurrences" title={`${count} places on the page`}>
            ×{count}
            <span class="visually-hidden"> on the page</span>
          </span>
        )}
        {view && today && <StatusChip view={view} today={today} />}
        <CopyButton value={value} label={LABELS[kind].copy} announce={announce} />
      </div>
      {support === 'checking' && (
        <p class="row-checking" data-testid="row-checking">
          Checking support…
        </p>
      )}
      {support === 'not-found' && (
        <p class="row-missing" data-testid="not-found">
          Not found in your portal account
        </p>
      )}
      {view &&
        (repeat ? (
          <p class="row-repeat">
            Part of deployment <span class="mono">{view.deployment.id}</span>,{' '}
            {view.deployment.name} (above)
          </p>
        ) : (
          <SupportDetails view={view} kind={kind} />
        ))}
    </article>
  );
});

function SupportDetails({ view, kind }: { view: SupportView; kind: 'deployment' | 'serial' }) {
  const { deployment, product, serials, support, renewal } = view;
  return (
    <div class="row-details">
      <p class="row-name">{deployment.name}</p>
      <p class="row-meta">
        {product.name}
        <span aria-hidden="true"> · </span>
        <span class="visually-hidden">, </span>
        {deployment.organization.name}
      </p>
      <dl class="row-facts">
        {kind === 'serial' && (
          <div>
            <dt>Deployment</dt>
            <dd class="mono">{deployment.id}</dd>
          </div>
        )}
        {serials.length > 0 && (
          <div>
            <dt>{serials.length === 1 ? 'Serial' : 'Serials'}</dt>
            <dd class="mono">{serials.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>Covered until</dt>
          <dd>{formatCalendarDate(support.expiresOn)}</dd>
        </div>
      </dl>
      {renewal ? (
        <>
          <div class="row-plan" data-testid="plan">
            <p class="plan-words">{planWords(renewal)}</p>
            <p class="plan-price">{priceWords(support.unitPrice, renewal.quantity)}</p>
          </div>
          <RenewalControls view={view} plan={renewal} />
        </>
      ) : (
        <p class="row-plan" data-testid="plan">
          No renewal needed: support is already covered as far ahead as the portal records.
        </p>
      )}
    </div>
  );
}
