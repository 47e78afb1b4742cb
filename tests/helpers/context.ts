// Values tests/helpers/global-setup.ts hands to every test file through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection to the server's maintenance database, for CREATE/DROP DATABASE. */
    dbAdminUrl: string;
    /** The migrated template every test database is cloned from. */
    dbTemplate: string;
  }
}

export {};
