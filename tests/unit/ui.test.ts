import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { navItemsFor, isCurrent } from '@/components/layout/navigation';
import { EmergencyNotice, EMERGENCY_NOTICE_TEXT } from '@/components/layout/EmergencyNotice';
import { Footer } from '@/components/layout/Footer';
import { Header } from '@/components/layout/Header';
import { SkipLink } from '@/components/layout/SkipLink';
import {
  BackLink,
  Button,
  Checkboxes,
  Details,
  EmailLink,
  ErrorSummary,
  FilterDisclosure,
  NotificationBanner,
  PhoneAndEmail,
  PhoneLink,
  Pagination,
  PanelConfirmation,
  Radios,
  Select,
  SummaryList,
  Table,
  TableDate,
  Tag,
  TextInput,
  Textarea,
  pageWindow,
  withPage,
} from '@/components/ui';

const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);
const attr = (markup: string, selectorId: string, name: string) => {
  const tag = new RegExp(`<[^>]*id="${selectorId}"[^>]*>`).exec(markup)?.[0] ?? '';
  return new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
};

describe('TextInput and friends', () => {
  it('wires the label, hint and error to the input and keeps what was typed', () => {
    const out = html(
      h(TextInput, {
        id: 'email',
        label: 'Email address',
        hint: 'We only use it to reply',
        error: ['Enter an email address'],
        defaultValue: 'sam@',
      }),
    );
    expect(out).toContain('<label for="email" class="label">Email address</label>');
    expect(attr(out, 'email', 'aria-describedby')).toBe('email-hint email-error');
    expect(attr(out, 'email', 'aria-invalid')).toBe('true');
    expect(attr(out, 'email', 'name')).toBe('email');
    expect(attr(out, 'email', 'value')).toBe('sam@');
    expect(out).toContain('<span class="visually-hidden">Error:</span> Enter an email address');
    expect(out).toContain('form-group--error');
    expect(out).toContain('input--error');
  });

  it('has no aria-describedby or error styling when there is neither hint nor error', () => {
    const out = html(h(TextInput, { id: 'town', label: 'Town' }));
    expect(attr(out, 'town', 'aria-describedby')).toBeUndefined();
    expect(out).not.toContain('aria-invalid');
    expect(out).not.toContain('Error:');
  });

  it('can make the label the page heading', () => {
    const out = html(h(TextInput, { id: 'q', label: 'What are you looking for?', labelIsPageHeading: true, labelSize: 'l' }));
    expect(out).toMatch(/^<div class="form-group"><h1 class="label--heading"><label for="q" class="label label--l">/);
  });

  it('Textarea and Select follow the same pattern', () => {
    const ta = html(
      h(Textarea, {
        id: 'whatMatters',
        label: 'What matters to you',
        error: ['Tell us what matters to you'],
        defaultValue: 'my garden',
      }),
    );
    expect(attr(ta, 'whatMatters', 'aria-describedby')).toBe('whatMatters-error');
    expect(ta).toContain('>my garden</textarea>');
    const select = html(
      h(Select, {
        id: 'team',
        label: 'Team',
        placeholder: 'Choose a team',
        options: [
          { value: 'n', label: 'North' },
          { value: 's', label: 'South' },
        ],
        defaultValue: 's',
      }),
    );
    expect(select).toContain('<option value="">Choose a team</option>');
    expect(select).toContain('<option value="s" selected="">South</option>');
  });
});

describe('Checkboxes and Radios', () => {
  const items = [
    { value: 'phone', label: 'Phone' },
    { value: 'email', label: 'Email', hint: 'We will not share it' },
    { divider: 'or' },
    { value: 'none', label: 'None of these' },
  ];

  it('gives the first checkbox the group id (for the error summary) and ticks the defaults', () => {
    const out = html(
      h(Checkboxes, {
        name: 'contact',
        legend: 'How can we contact you?',
        hint: 'Select all that apply',
        error: ['Select how we can contact you'],
        items,
        defaultValues: ['email'],
      }),
    );
    expect(out).toMatch(/<fieldset class="fieldset" aria-describedby="contact-hint contact-error">/);
    expect([attr(out, 'contact', 'value'), attr(out, 'contact', 'name'), attr(out, 'contact', 'type')]).toEqual([
      'phone',
      'contact',
      'checkbox',
    ]);
    expect(attr(out, 'contact', 'checked')).toBeUndefined();
    expect([attr(out, 'contact-2', 'value'), attr(out, 'contact-2', 'checked')]).toEqual(['email', '']);
    expect(attr(out, 'contact-2', 'aria-describedby')).toBe('contact-2-item-hint');
    expect(attr(out, 'contact-3', 'value')).toBe('none');
    expect(out).toContain('<label class="label choice__label" for="contact-2">Email</label>');
    expect(out).toContain('class="choices__divider">or</div>');
    expect(out).toContain('<legend class="fieldset__legend">How can we contact you?</legend>');
  });

  it('checks the chosen radio only', () => {
    const out = html(
      h(Radios, {
        name: 'rag',
        legend: 'Rating',
        items: [
          { value: 'red', label: 'Red' },
          { value: 'amber', label: 'Amber' },
        ],
        defaultValue: 'amber',
      }),
    );
    expect([attr(out, 'rag', 'type'), attr(out, 'rag', 'value'), attr(out, 'rag', 'checked')]).toEqual([
      'radio',
      'red',
      undefined,
    ]);
    expect([attr(out, 'rag-2', 'value'), attr(out, 'rag-2', 'checked')]).toEqual(['amber', '']);
  });
});

describe('ErrorSummary', () => {
  it('renders an alert with "There is a problem" and links to each field', () => {
    const out = html(h(ErrorSummary, { state: { fieldErrors: { email: ['Enter an email address'] } } }));
    expect(out).toContain('role="alert"');
    expect(out).toContain('<h2 class="error-summary__title">There is a problem</h2>');
    expect(out).toContain('<a href="#email">Enter an email address</a>');
    expect(out).toContain('tabindex="-1"');
  });

  it('takes the form state: its message first, then each field in form order, and nothing without errors', () => {
    const state = {
      formError: 'This changed since you opened it',
      fieldErrors: { phone: ['Enter a phone number'], name: ['Enter a name', 'Too long'], empty: [] },
    };
    const out = html(h(ErrorSummary, { state, order: ['name', 'phone'], ids: { phone: 'phone-box' } }));
    const links = [...out.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['#name', 'This changed since you opened it'],
      ['#name', 'Enter a name'],
      ['#phone-box', 'Enter a phone number'],
    ]);
    expect(html(h(ErrorSummary, { state: { fieldErrors: {} } }))).toBe('');
  });
});

describe('Pagination', () => {
  it('marks the current page and keeps the rest of the query', () => {
    const out = html(h(Pagination, { page: 3, totalPages: 9, baseHref: '/services?q=walk&need=carers' }));
    expect(out).toContain('aria-label="Pagination"');
    const links = [...out.matchAll(/<a ([^>]*)>/g)].map((m) =>
      Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
    );
    const current = links.filter((l) => l['aria-current'] === 'page');
    expect(current).toEqual([
      expect.objectContaining({ 'aria-label': 'Page 3', href: '/services?q=walk&amp;need=carers&amp;page=3' }),
    ]);
    expect(links.find((l) => l.rel === 'prev')?.href).toBe('/services?q=walk&amp;need=carers&amp;page=2');
    expect(links.find((l) => l.rel === 'next')?.href).toBe('/services?q=walk&amp;need=carers&amp;page=4');
    // Page 1 has no page parameter, so it matches the unpaginated address.
    expect(links.find((l) => l['aria-label'] === 'Page 1')?.href).toBe('/services?q=walk&amp;need=carers');
  });

  it('shows nothing for a single page and windows long runs', () => {
    expect(html(h(Pagination, { page: 1, totalPages: 1, baseHref: '/triage' }))).toBe('');
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(1, 10)).toEqual([1, 2, null, 10]);
    expect(pageWindow(3, 10)).toEqual([1, 2, 3, 4, null, 10]);
    expect(pageWindow(10, 10)).toEqual([1, null, 9, 10]);
    expect(withPage('/a?b=1&page=4', 'page', 1)).toBe('/a?b=1');
  });
});

describe('other primitives', () => {
  it('Button is a submit button by default, or a link when given href', () => {
    expect(html(h(Button, { children: 'Save' }))).toBe('<button type="submit" class="button button--primary">Save</button>');
    expect(html(h(Button, { variant: 'warning', type: 'button', children: 'Delete' }))).toContain(
      'class="button button--warning"',
    );
    const link = html(h(Button, { href: '/refer', variant: 'secondary', children: 'Start' }));
    expect(link).toMatch(/^<a[^>]*href="\/refer"/);
    expect(link).toContain('button--secondary');
  });

  it('Tag, NotificationBanner, PanelConfirmation, BackLink, Details', () => {
    expect(html(h(Tag, { colour: 'red', children: 'Overdue' }))).toBe('<strong class="tag tag--red">Overdue</strong>');
    const important = html(h(NotificationBanner, { heading: 'Two referrals are waiting' }));
    expect(important).toContain('role="region" aria-labelledby="notification-banner-title"');
    expect(important).toContain('>Important</h2>');
    expect(html(h(NotificationBanner, { type: 'success', heading: 'Saved' }))).toContain('role="alert"');
    const panel = html(h(PanelConfirmation, { title: 'Referral sent', reference: 'ECC-7K3M' }));
    expect(panel).toContain('<h1 class="panel__title">Referral sent</h1>');
    expect(panel).toContain('Your reference number<br/><strong class="panel__reference">ECC-7K3M</strong>');
    expect(html(h(BackLink, { href: '/caseload' }))).toMatch(
      /<a class="back-link" href="\/caseload">Back<\/a>|<a href="\/caseload" class="back-link">Back<\/a>/,
    );
    expect(html(h(Details, { summary: 'Help with this', children: 'Text' }))).toContain(
      '<summary class="details__summary"><span class="details__summary-text">Help with this</span></summary>',
    );
  });

  it('Table has column and row headers, numeric alignment and a focusable scroll region', () => {
    const out = html(
      h(Table, {
        caption: 'Open cases',
        head: ['Worker', { content: 'Cases', numeric: true }],
        rows: [['Amy', { content: '3', numeric: true }]],
        firstCellIsHeader: true,
      }),
    );
    expect(out).toContain('role="region" aria-label="Open cases" tabindex="0"');
    expect(out).toContain('<th scope="col" class="table__header">Worker</th>');
    expect(out).toContain('<th scope="col" class="table__header table__header--numeric">Cases</th>');
    expect(out).toContain('<th scope="row" data-label="Worker" class="table__header">Amy</th>');
    expect(out).toContain('<td data-label="Cases" class="table__cell table__cell--numeric">3</td>');
  });

  it('Table stacks its rows on a phone, each cell labelled with its column’s words', () => {
    const out = html(
      h(Table, {
        caption: 'Cases',
        head: [
          'Name',
          { content: h('span', null, 'Next ', h('abbr', { title: 'follow-up' }, 'FU')), colSpan: 2 },
          { content: 'Rating', label: 'RAG rating' },
          h('span', { className: 'visually-hidden' }, 'Action'),
        ],
        rows: [['Sam', '3 Dec', 'Overdue', 'Red', h('a', { href: '/cases/1' }, 'Open')]],
      }),
    );
    expect(out).toContain('<table class="table stack-table">');
    expect(out).toContain('<td data-label="Name" class="table__cell">Sam</td>');
    // A heading that spans two columns labels both of its cells.
    expect(out).toContain('<td data-label="Next FU" class="table__cell">3 Dec</td>');
    expect(out).toContain('<td data-label="Next FU" class="table__cell">Overdue</td>');
    expect(out).toContain('<td data-label="RAG rating" class="table__cell">Red</td>');
    // A column whose heading is hidden from sight (a column of links) gets no label.
    expect(out).toContain('<td class="table__cell"><a href="/cases/1">Open</a></td>');
    expect(html(h(Table, { head: ['A'], rows: [['1']], stack: false }))).toContain('<table class="table">');
  });

  it('phone numbers and e-mail addresses are links that call or write', () => {
    expect(html(h(PhoneLink, { number: '01632 960 210' }))).toBe(
      '<a href="tel:01632960210" class="whitespace-nowrap">01632 960 210</a>',
    );
    expect(html(h(PhoneLink, { number: '+44 (0)7700 900-982' }))).toContain('href="tel:+4407700900982"');
    expect(html(h(EmailLink, { address: 'team@example.org' }))).toBe(
      '<a href="mailto:team@example.org" class="break-all">team@example.org</a>',
    );
    expect(html(h(PhoneAndEmail, { phone: '01632 960 210', email: 'team@example.org' }))).toMatch(
      /tel:01632960210.*, .*mailto:team@example.org/,
    );
    expect(html(h(PhoneAndEmail, { phone: null, email: null }))).toBe('');
  });

  it('FilterDisclosure is a <details> whose summary counts the filters applied', () => {
    const closed = html(h(FilterDisclosure, { applied: 0, children: 'x' }));
    expect(closed).toBe(
      '<details class="filter-disclosure"><summary class="filter-disclosure__summary">Filter</summary><div class="filter-disclosure__content">x</div></details>',
    );
    const open = html(h(FilterDisclosure, { label: 'Filter cases', applied: 2, open: true, children: 'x' }));
    expect(open).toContain('<details class="filter-disclosure" open="">');
    expect(open).toContain('Filter cases<span class="filter-disclosure__count"> (2 applied)</span>');
  });

  it('TableDate writes a date long for a wide screen and short for a phone', () => {
    const out = html(h(TableDate, { value: new Date('2026-11-23T14:30:00Z'), time: true }));
    expect(out).toBe(
      '<span class="date-long">23 November 2026 at 2:30pm</span><span class="date-short">23 Nov 2026 at 2:30pm</span>',
    );
    // May is as short as it is long: one date.
    expect(html(h(TableDate, { value: new Date('2026-05-04T10:00:00Z') }))).toBe('4 May 2026');
    expect(html(h(TableDate, { value: null }))).toBe('');
  });

  it('SummaryList gives change links hidden context', () => {
    const out = html(
      h(SummaryList, {
        rows: [
          {
            key: 'Name',
            value: 'Sam',
            actions: [{ href: '/provider/organisation', text: 'Change', visuallyHiddenText: 'name' }],
          },
          { key: 'Phone', value: '—' },
        ],
      }),
    );
    expect(out).toContain('<dt class="summary-list__key">Name</dt>');
    expect(out).toContain('Change<span class="visually-hidden"> name</span>');
    // A row without actions in a list with some keeps the actions column (the first row sets the widths).
    expect(out).toContain('summary-list__row summary-list__row--actions-elsewhere');
    expect(html(h(SummaryList, { rows: [{ key: 'Phone', value: '—' }] }))).toContain(
      'summary-list__row summary-list__row--no-actions',
    );
  });
});

describe('layout', () => {
  it('the skip link goes to the main content', () => {
    expect(html(h(SkipLink))).toBe('<a href="#main-content" class="skip-link">Skip to main content</a>');
  });

  it('navigation depends on the role', () => {
    expect(navItemsFor(null).map((i) => i.text)).toEqual(['Find help', 'Refer yourself']);
    expect(navItemsFor('link_worker').map((i) => i.text)).toEqual(['My caseload', 'Find help']);
    expect(navItemsFor('coordinator')[0]).toEqual({ href: '/triage', text: 'Triage' });
    expect(navItemsFor('provider').map((i) => i.href)).toEqual(['/provider', '/provider/referrals', '/services']);
    expect(navItemsFor('coordinator').map((i) => i.href)).toContain('/moderation');
    expect(navItemsFor('commissioner').map((i) => i.text)).toEqual(['Reports']);
    expect(navItemsFor('admin')[0].href).toBe('/admin');
    expect(isCurrent('/services', '/services/abc')).toBe(true);
    expect(isCurrent('/refer', '/referrals')).toBe(false);
  });

  it('the header offers sign in when signed out, and the sign-out control when signed in', () => {
    const out = html(h(Header, { serviceName: 'Eastbrook Community Connect', user: null }));
    expect(out).toContain('Eastbrook Community Connect');
    expect(out).toContain('href="/sign-in"');
    expect(out).toContain('aria-label="Menu"');
    const signedIn = html(
      h(Header, { serviceName: 'S', user: { name: 'Amy', role: 'link_worker' }, signOut: h('button', null, 'Sign out') }),
    );
    expect(signedIn).not.toContain('href="/sign-in"');
    expect(signedIn).toContain('<button>Sign out</button>');
    expect(signedIn).toContain('href="/caseload"');
    expect(signedIn).toContain('Signed in as Amy (Link worker)');
  });

  it('the footer carries the emergency notice, privacy and accessibility links and the contact', () => {
    const out = html(
      h(Footer, {
        boroughName: 'Eastbrook Council',
        serviceName: 'Connect',
        contactEmail: 'c@example.gov.uk',
        contactPhone: '01632 960 000',
        privacyNoticeUrl: '/privacy',
      }),
    );
    const text = out.replace(/<[^>]+>/g, '');
    expect(text).toContain(EMERGENCY_NOTICE_TEXT);
    expect(out).toContain('href="/privacy"');
    expect(out).toContain('href="/accessibility"');
    expect(out).toContain('href="tel:01632960000"');
    expect(out).toContain('href="mailto:c@example.gov.uk"');
  });

  it('the prominent emergency notice is a labelled section with tappable numbers', () => {
    const out = html(h(EmergencyNotice, { prominent: true }));
    expect(out).toContain('aria-labelledby="emergency-notice-heading"');
    expect(out).toContain('href="tel:999"');
    expect(out).toContain('href="tel:116123"');
    expect(out.replace(/<[^>]+>/g, '')).toContain(EMERGENCY_NOTICE_TEXT);
  });
});
