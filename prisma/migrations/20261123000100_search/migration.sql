-- Search support that Prisma's schema language cannot express: full-text search over services,
-- fuzzy matching on service names, and distance from a point. All four extensions are "trusted",
-- so a database owner without superuser rights can create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

-- unaccent() is only STABLE (its dictionary could change), so Postgres refuses it in index
-- expressions. Naming the dictionary and qualifying every name makes the result depend on the
-- argument alone, which is what IMMUTABLE promises; PostgreSQL 17+ also runs index expressions
-- with an empty search_path, so nothing here may rely on it.
CREATE FUNCTION public.immutable_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The search document of one service: its name (A), its organisation's name and its needs
-- themes with their synonyms (B), its description (C). Accents are removed before stemming, so
-- "cafe" finds "Café".
CREATE FUNCTION public.service_search_document(
    p_service_id UUID, p_name TEXT, p_description TEXT, p_organisation_id UUID
) RETURNS tsvector
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
    SELECT
        setweight(to_tsvector('pg_catalog.english'::regconfig,
            public.immutable_unaccent(coalesce(p_name, ''))), 'A')
        || setweight(to_tsvector('pg_catalog.english'::regconfig,
            public.immutable_unaccent(coalesce(
                (SELECT o."name" FROM "Organisation" o WHERE o."id" = p_organisation_id), ''))), 'B')
        || setweight(to_tsvector('pg_catalog.english'::regconfig,
            public.immutable_unaccent(coalesce(
                (SELECT string_agg(t."name" || ' ' || array_to_string(t."synonyms", ' '), ' ' ORDER BY t."code")
                   FROM "ServiceTaxonomy" st
                   JOIN "TaxonomyTerm" t ON t."id" = st."termId"
                  WHERE st."serviceId" = p_service_id), ''))), 'B')
        || setweight(to_tsvector('pg_catalog.english'::regconfig,
            public.immutable_unaccent(coalesce(p_description, ''))), 'C')
    $$;

-- Every write that touches a service's searchable text recomputes its vector here. The column
-- is derived: an UPDATE that sets it directly is overwritten too, which is how the triggers on
-- the other tables ask for a refresh.
CREATE FUNCTION public.service_search_vector_refresh() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW."searchVector" := public.service_search_document(NEW."id", NEW."name", NEW."description", NEW."organisationId");
    RETURN NEW;
END
$$;

CREATE TRIGGER "Service_searchVector_refresh"
    BEFORE INSERT OR UPDATE OF "name", "description", "organisationId", "searchVector" ON "Service"
    FOR EACH ROW EXECUTE FUNCTION public.service_search_vector_refresh();

-- Needs added to or removed from services: one refresh per service per statement, so a
-- createMany of five themes does not rewrite the service five times.
CREATE FUNCTION public.service_taxonomy_touch_services() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE "Service" s SET "searchVector" = NULL
         WHERE s."id" IN (SELECT n."serviceId" FROM new_rows n);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE "Service" s SET "searchVector" = NULL
         WHERE s."id" IN (SELECT o."serviceId" FROM old_rows o);
    ELSE
        UPDATE "Service" s SET "searchVector" = NULL
         WHERE s."id" IN (SELECT n."serviceId" FROM new_rows n UNION SELECT o."serviceId" FROM old_rows o);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "ServiceTaxonomy_insert_searchVector"
    AFTER INSERT ON "ServiceTaxonomy" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION public.service_taxonomy_touch_services();

CREATE TRIGGER "ServiceTaxonomy_delete_searchVector"
    AFTER DELETE ON "ServiceTaxonomy" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION public.service_taxonomy_touch_services();

CREATE TRIGGER "ServiceTaxonomy_update_searchVector"
    AFTER UPDATE ON "ServiceTaxonomy" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION public.service_taxonomy_touch_services();

CREATE FUNCTION public.organisation_touch_services() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE "Service" s SET "searchVector" = NULL WHERE s."organisationId" = NEW."id";
    RETURN NULL;
END
$$;

CREATE TRIGGER "Organisation_name_searchVector"
    AFTER UPDATE OF "name" ON "Organisation"
    FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
    EXECUTE FUNCTION public.organisation_touch_services();

CREATE FUNCTION public.taxonomy_term_touch_services() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE "Service" s SET "searchVector" = NULL
     WHERE s."id" IN (SELECT st."serviceId" FROM "ServiceTaxonomy" st WHERE st."termId" = NEW."id");
    RETURN NULL;
END
$$;

CREATE TRIGGER "TaxonomyTerm_text_searchVector"
    AFTER UPDATE OF "name", "synonyms" ON "TaxonomyTerm"
    FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."synonyms" IS DISTINCT FROM NEW."synonyms")
    EXECUTE FUNCTION public.taxonomy_term_touch_services();

-- Rows written before this migration get their vector now.
UPDATE "Service" SET "searchVector" = NULL;

CREATE INDEX "Service_searchVector_idx" ON "Service" USING GIN ("searchVector");

-- Fuzzy and partial name matching (similarity, ILIKE '%...%'): queries must use the same
-- expression, lower(public.immutable_unaccent("name")), for the index to apply.
CREATE INDEX "Service_name_trgm_idx" ON "Service"
    USING GIN (lower(public.immutable_unaccent("name")) public.gin_trgm_ops);

-- Nearest-first and within-a-radius searches:
--   earth_box(ll_to_earth($lat, $lng), $metres) @> ll_to_earth("latitude", "longitude")
CREATE INDEX "Location_earth_idx" ON "Location"
    USING GIST (public.ll_to_earth("latitude", "longitude"))
    WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL;
