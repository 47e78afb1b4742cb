import { oidcCallbackRoute } from '@/lib/auth/oidc/handlers';

export const dynamic = 'force-dynamic';
export const GET = oidcCallbackRoute;
