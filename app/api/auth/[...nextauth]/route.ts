import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request because the secret may come from the database.
async function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, await getAuthOptions());
}

export { handler as GET, handler as POST };
