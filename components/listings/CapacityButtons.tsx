import { Button, Tag } from '@/components/ui';
import { CAPACITY_LABELS } from '@/lib/directory/vocab';

type Capacity = 'open' | 'waiting_list' | 'full';

const BUTTON_TEXT: Record<Capacity, string> = {
  open: 'Mark as having space',
  waiting_list: 'Mark as waiting list',
  full: 'Mark as full',
};

const TAG_COLOUR = { open: 'green', waiting_list: 'yellow', full: 'red' } as const;

/**
 * Capacity in one tap: a small form per choice, so each button works without JavaScript and
 * says what it will do.
 */
export function CapacityButtons({
  listingName,
  current,
  spaces,
  action,
  returnTo,
}: {
  listingName: string;
  current: Capacity;
  spaces: number | null;
  action: (form: FormData) => Promise<void>;
  returnTo: 'list' | 'editor';
}) {
  const label =
    CAPACITY_LABELS[current] + (current === 'open' && spaces != null ? ` (${spaces} ${spaces === 1 ? 'space' : 'spaces'})` : '');
  return (
    <div>
      <p className="mb-2">
        <Tag colour={TAG_COLOUR[current]}>{label}</Tag>
      </p>
      <div className="capacity-buttons">
        {(['open', 'waiting_list', 'full'] as const)
          .filter((c) => c !== current)
          .map((c) => (
            <form key={c} action={action}>
              <input type="hidden" name="capacityStatus" value={c} />
              <input type="hidden" name="returnTo" value={returnTo} />
              <Button variant="secondary">
                {BUTTON_TEXT[c]}
                <span className="visually-hidden">: {listingName}</span>
              </Button>
            </form>
          ))}
      </div>
    </div>
  );
}
