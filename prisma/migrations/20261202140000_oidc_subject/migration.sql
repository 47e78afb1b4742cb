-- Single sign-on over OpenID Connect (docs/decisions/0016-single-sign-on.md).
--
-- The identity provider's subject ("sub") of the organisation account that first signed in to a
-- user, with the issuer it came from. Later sign-ins must carry the same subject, so an e-mail
-- address moved to someone else at the provider does not open this account. Unique per issuer:
-- one organisation account opens one account here.
ALTER TABLE "User" ADD COLUMN "oidcIssuer" TEXT;
ALTER TABLE "User" ADD COLUMN "oidcSubject" TEXT;
ALTER TABLE "User" ADD CONSTRAINT "User_oidc_pair" CHECK (("oidcIssuer" IS NULL) = ("oidcSubject" IS NULL));
CREATE UNIQUE INDEX "User_oidcIssuer_oidcSubject_key" ON "User"("oidcIssuer", "oidcSubject");
