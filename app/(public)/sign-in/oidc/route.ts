import { startOidcRoute } from '@/lib/auth/oidc/handlers';

export const dynamic = 'force-dynamic';
export const GET = startOidcRoute;
