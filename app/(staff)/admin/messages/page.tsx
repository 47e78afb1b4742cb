import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { Details, InsetText, SummaryList, Tag } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { notifyTemplateSetting, smsLength, type Rendered } from '@/lib/notify';
import { templateExamples, type Example } from '@/lib/notify/templates/examples';

export const metadata: Metadata = { title: 'Messages', robots: { index: false, follow: false } };

const audiences: Example['audience'][] = ['Residents', 'Referrers and GP practices', 'Providers', 'Staff'];

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function lengthText(body: string): string {
  const l = smsLength(body);
  const texts = l.segments === 1 ? '1 text message' : `${l.segments} text messages`;
  return `${l.characters} characters: ${texts}${l.encoding === 'ucs2' ? ' (it has characters outside the standard text alphabet, so each text holds fewer)' : ''}`;
}

function Message({ m }: { m: Rendered }) {
  return (
    <div className="mb-8 border-t border-gray-300 pt-4">
      <h4 className="heading-s">
        {m.channel === 'email' ? 'Email' : 'Text message'}: <code>{m.template}</code>
      </h4>
      <SummaryList
        noBorder
        rows={[
          m.channel === 'email'
            ? { key: 'Subject', value: m.subject }
            : { key: 'Length', value: <Tag colour={smsLength(m.body).segments > 2 ? 'red' : 'green'}>{lengthText(m.body)}</Tag> },
        ]}
      />
      <pre className="whitespace-pre-wrap break-words border-l-4 border-gray-300 bg-gray-50 p-4 font-sans">{m.body}</pre>
      <Details summary="Fields for a GOV.UK Notify template">
        <p>
          Write the template in Notify with these fields, and set <code>{notifyTemplateSetting(m.template)}</code> to its id:
        </p>
        <p>
          {Object.keys(m.personalisation)
            .map((k) => `((${k}))`)
            .join(', ')}
        </p>
      </Details>
    </div>
  );
}

/** Every message the service sends, with example data: what an admin checks before going live. */
export default async function MessagesPage() {
  await requireRole('admin');
  const examples = templateExamples();
  return (
    <>
      <PageHeading caption="Admin" lead="Every email and text message the service sends, shown with made-up example data.">
        Messages
      </PageHeading>
      <InsetText>
        The wording lives in the code (lib/notify/templates), so every message reads the same whether it goes by email, through
        GOV.UK Notify or to the demo outbox. A text message costs one message for each 160 characters (153 once it is split).
      </InsetText>
      <nav aria-labelledby="contents-heading">
        <h2 className="heading-s" id="contents-heading">
          Contents
        </h2>
        <ul className="list-bullet">
          {audiences.map((a) => (
            <li key={a}>
              <a href={`#${slug(a)}`}>{a}</a>
            </li>
          ))}
        </ul>
      </nav>
      {audiences.map((a) => (
        <section key={a} aria-labelledby={slug(a)}>
          <h2 className="heading-l" id={slug(a)}>
            {a}
          </h2>
          {examples
            .filter((e) => e.audience === a)
            .map((e) => (
              <section key={e.when} aria-label={e.when}>
                <h3 className="heading-m">{e.when}</h3>
                {e.messages.map((m, i) => (
                  <Message key={`${m.template}-${i}`} m={m} />
                ))}
              </section>
            ))}
        </section>
      ))}
    </>
  );
}
