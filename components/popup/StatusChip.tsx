import type { SupportView } from '@/lib/messaging/portal-results';
import { formatCalendarDate } from '@/lib/popup/format';
import { statusChip } from '@/lib/popup/support-wording';

interface Props {
  view: Pick<SupportView, 'standing' | 'daysLeft' | 'renewal' | 'support'>;
  today: string;
}

export function StatusChip({ view, today }: Props) {
  const chip = statusChip(view, today);
  return (
    <span
      class={`chip chip-${chip.tone}`}
      data-testid="status-chip"
      title={`Last covered day: ${formatCalendarDate(view.support.expiresOn)}`}
    >
      {chip.text}
    </span>
  );
}
