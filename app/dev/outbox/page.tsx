import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { InsetText } from '@/components/ui/InsetText';
import { Pagination } from '@/components/ui/Pagination';
import { Tag, type TagColour } from '@/components/ui/Tag';
import { TextInput } from '@/components/ui/TextInput';
import { requireRole } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format/dates';
import { outboxPage } from '@/lib/notify/outbox';
import { requestedPage } from '@/lib/paging/pages';
import { cleanQuery } from '@/lib/forms';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Outbox (demo)', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const statusTag: Record<string, { text: string; colour: TagColour }> = {
  queued: { text: 'Waiting to send', colour: 'grey' },
  sending: { text: 'Sending', colour: 'blue' },
  sent: { text: 'Sent', colour: 'green' },
  failed: { text: 'Failed', colour: 'red' },
};

const urlPattern = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/g;

/** The body with its links clickable; links to this app open here whatever host it runs on. */
function Linked({ text }: { text: string }) {
  const base = config.baseUrl.replace(/\/+$/, '');
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const url = match[0];
    const at = match.index ?? 0;
    parts.push(text.slice(last, at));
    const href = url.startsWith(`${base}/`) ? url.slice(base.length) : url;
    parts.push(
      <a key={at} href={href} className="break-all">
        {url}
      </a>,
    );
    last = at + url.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function OutboxPage({ searchParams }: Props) {
  // Messages hold links that act without signing in (set a password, answer a referral): the page
  // exists only in demo mode, and even there only a signed-in admin may read it.
  if (!config.demoMode) notFound();
  await requireRole('admin');
  const query = cleanQuery(await searchParams);
  const to = first(query.to)?.trim() || undefined;
  const {
    page: { page, totalPages, total },
    messages,
  } = await outboxPage(db(), to, requestedPage(query.page));

  return (
    <div>
      <h1 className="heading-l">Outbox</h1>
      <InsetText>
        This is a demonstration. Emails and text messages are not really sent: they appear here instead, newest first. Use the
        links in them as the person receiving them would.
      </InsetText>

      <form method="get" action="/dev/outbox" className="max-w-2xl">
        <TextInput
          id="to"
          label="Show messages to"
          hint="Part of an email address or phone number"
          defaultValue={to ?? ''}
          width="two-thirds"
        />
        <Button variant="secondary">Show messages</Button>
      </form>

      <p>
        {total === 0
          ? to
            ? 'No messages to that recipient.'
            : 'No messages yet.'
          : `${total} ${total === 1 ? 'message' : 'messages'}${to ? ` to recipients matching “${to}”` : ''}.`}
      </p>

      <ol className="list-plain">
        {messages.map((m) => {
          const tag = statusTag[m.status] ?? { text: m.status, colour: 'grey' as TagColour };
          return (
            <li key={m.id} className="mb-8 border-t border-gray-300 pt-4">
              <article aria-labelledby={`message-${m.id}`}>
                <h2 className="heading-s" id={`message-${m.id}`}>
                  {m.subject || (m.channel === 'sms' ? 'Text message' : '(no subject)')}
                </h2>
                <dl className="summary-list summary-list--no-border">
                  <div className="summary-list__row summary-list__row--no-actions">
                    <dt className="summary-list__key">To</dt>
                    <dd className="summary-list__value break-all">{m.recipient}</dd>
                  </div>
                  <div className="summary-list__row summary-list__row--no-actions">
                    <dt className="summary-list__key">Queued</dt>
                    <dd className="summary-list__value">{formatDateTime(m.createdAt)}</dd>
                  </div>
                  <div className="summary-list__row summary-list__row--no-actions">
                    <dt className="summary-list__key">Status</dt>
                    <dd className="summary-list__value">
                      <Tag colour={tag.colour}>{tag.text}</Tag>
                      {m.attempts > 1 ? ` after ${m.attempts} attempts` : null}
                      {m.status !== 'sent' && m.lastError ? (
                        <span className="block body-s">Last error: {m.lastError}</span>
                      ) : null}
                    </dd>
                  </div>
                </dl>
                <div className="whitespace-pre-wrap break-words border-l-4 border-gray-300 pl-4">
                  <Linked text={m.body} />
                </div>
              </article>
            </li>
          );
        })}
      </ol>
      <Pagination
        page={page}
        totalPages={totalPages}
        baseHref={to ? `/dev/outbox?to=${encodeURIComponent(to)}` : '/dev/outbox'}
        label="Outbox pages"
      />
    </div>
  );
}
