// Absolute links to the listing pages, for messages.
import { config } from '@/lib/config';

const base = () => config.baseUrl.replace(/\/+$/, '');

export const listingUrls = {
  editor: (serviceId: string) => `${base()}/provider/listings/${serviceId}`,
  providerListings: () => `${base()}/provider/listings`,
  organisation: () => `${base()}/provider/organisation`,
  check: (rawToken: string) => `${base()}/listing-check/${rawToken}`,
  publicPage: (serviceId: string) => `${base()}/services/${serviceId}`,
  moderation: () => `${base()}/moderation`,
  organisations: () => `${base()}/moderation/organisations`,
  verifyEmail: (rawToken: string) => `${base()}/groups/verify/${rawToken}`,
  invite: (rawToken: string) => `${base()}/groups/invite/${rawToken}`,
  signIn: () => `${base()}/sign-in`,
  forgotPassword: () => `${base()}/forgot-password`,
};
