// better-sqlite3-multiple-ciphers ships its own typings, but its package.json "exports" hides them from
// TypeScript's bundler resolution. Its JavaScript API is better-sqlite3's (encryption is set through PRAGMA
// cipher/key, which need no extra types), so it is typed as that.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export = Database;
}
