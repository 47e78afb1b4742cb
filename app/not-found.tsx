import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <>
      <h1 className="heading-l">Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        If the page was a listing for a group or activity, it may have closed or moved. You can{' '}
        <a href="/services">search for local help and activities</a> or go to the <a href="/">home page</a>.
      </p>
    </>
  );
}
