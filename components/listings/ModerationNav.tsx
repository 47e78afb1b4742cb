import { Link } from '@/components/ui/Link';

const LINKS = [
  { href: '/moderation', text: 'Listing changes' },
  { href: '/moderation/organisations', text: 'New groups' },
  { href: '/moderation/freshness', text: 'Listings to check' },
] as const;

/** Links between the moderation pages; the current one is marked for screen readers too. */
export function ModerationNav({ current }: { current: (typeof LINKS)[number]['href'] }) {
  return (
    <nav aria-label="Moderation" className="mb-8">
      <ul className="list-plain flex flex-wrap gap-x-6 gap-y-2">
        {LINKS.map((l) => (
          <li key={l.href}>
            {l.href === current ? (
              <Link href={l.href} aria-current="page" className="font-bold no-underline">
                {l.text}
              </Link>
            ) : (
              <Link href={l.href}>{l.text}</Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
