import { Link } from '@/components/ui/Link';

export default function ServiceNotFound() {
  return (
    <>
      <h1 className="heading-l">We could not find that listing</h1>
      <p>The group or activity may have closed, or the link may be wrong or incomplete.</p>
      <p>You can:</p>
      <ul className="list-bullet">
        <li>
          <Link href="/services">search for help and activities</Link>
        </li>
        <li>check the link, if you typed or pasted it</li>
        <li>
          <Link href="/refer">ask a link worker for help</Link> finding something similar
        </li>
      </ul>
    </>
  );
}
