import type { Metadata } from 'next';
import { Link } from '@/components/ui/Link';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <>
      <h1 className="heading-l">Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        If the page was a listing for a group or activity, it may have closed or moved. You can{' '}
        <Link href="/services">search for local help and activities</Link> or go to the <Link href="/">home page</Link>.
      </p>
    </>
  );
}
