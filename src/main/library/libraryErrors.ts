// The one place that says what went wrong with a library file: read-only, disk full, locked, not a
// library, newer schema. The CLI, the HTTP bridge / IPC dispatch and the import report all word
// library errors through here, so every message names the path and the cause in the same words.
import { ApiError } from '../../shared/api/envelope.ts';

/** What is wrong with the library, as the user must act on it. */
export type LibraryErrorKind =
  'read-only' | 'disk-full' | 'locked' | 'not-a-library' | 'newer-schema' | 'cannot-open' | 'other';

/** A library failure with its kind (the API error code) and a message naming the path. */
export class LibraryError extends Error {
  readonly kind: LibraryErrorKind;
  readonly path: string;
  constructor(kind: LibraryErrorKind, path: string, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'LibraryError';
    this.kind = kind;
    this.path = path;
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The kind of a SQLite or file-system error, from its code (SQLITE_*, E*) and message. */
export function libraryErrorKind(error: unknown): LibraryErrorKind {
  if (error instanceof LibraryError) return error.kind;
  if ((error as { name?: unknown } | null)?.name === 'DatabaseTooNewError') return 'newer-schema';
  const code = codeOf(error);
  const message = messageOf(error);
  if (code === 'SQLITE_NOTADB' || /file is not a database/.test(message)) return 'not-a-library';
  // SQLITE_READONLY_* (READONLY_DBMOVED, _CANTINIT ...), EROFS (read-only file system), EACCES/EPERM.
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return 'read-only';
  if (
    code === 'SQLITE_FULL' ||
    code === 'ENOSPC' ||
    code === 'EDQUOT' ||
    /database or disk is full/.test(message)
  )
    return 'disk-full';
  if (
    code.startsWith('SQLITE_BUSY') ||
    code.startsWith('SQLITE_LOCKED') ||
    /database is locked/.test(message)
  )
    return 'locked';
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'ENOENT' || code === 'ENOTDIR') return 'cannot-open';
  return 'other';
}

const WHAT: Record<LibraryErrorKind, string> = {
  'read-only': 'read-only',
  'disk-full': 'disk full',
  locked: 'locked by another process',
  'not-a-library': 'not an STS Workbench library (not an SQLite database)',
  'newer-schema': 'written by a newer STS Workbench',
  'cannot-open': 'cannot open',
  other: 'error',
};

const ADVICE: Partial<Record<LibraryErrorKind, string>> = {
  'read-only':
    'export, serve (browsing) and analyze --dry-run open it read-only; to change it, copy it to a writable disk',
  'disk-full': 'free some space on its disk and try again (nothing partial was kept)',
  locked: 'another program holds it; try again when it is done',
  'cannot-open': 'the folder may be missing or not accessible',
};

/**
 * The error as a LibraryError naming the path: "library <path>: read-only (<SQLite's words>);
 * <what to do>". An error already classified keeps its message.
 */
export function libraryError(path: string, error: unknown): LibraryError {
  if (error instanceof LibraryError) return error;
  const kind = libraryErrorKind(error);
  const detail = messageOf(error);
  if (kind === 'newer-schema') return new LibraryError(kind, path, detail, error);
  const code = codeOf(error);
  const cause = code && !detail.includes(code) ? `${detail}, ${code}` : detail;
  const why = kind === 'other' ? cause : `${WHAT[kind]} (${cause})`;
  const advice = ADVICE[kind];
  return new LibraryError(kind, path, `library ${path}: ${why}${advice ? `; ${advice}` : ''}`, error);
}

/** The refusal a read-only library gives to any request that would write. */
export function readOnlyRefusal(path: string, what: string): LibraryError {
  return new LibraryError('read-only', path, `library is read-only: ${path} (${what} needs write access)`);
}

/** True for errors that are the library's (its disk, its lock), not one imported file's. */
export function isLibraryWide(error: unknown): boolean {
  const kind = libraryErrorKind(error);
  return kind === 'disk-full' || kind === 'read-only' || codeOf(error).startsWith('SQLITE_IOERR');
}

/**
 * For the API transports (HTTP bridge, IPC): a SQLite or library error raised by a request, as an
 * API error whose code is the kind ('read-only', 'disk-full', 'locked' ...) and whose message names
 * the library; null for any other error (it stays 'internal').
 */
export function libraryApiError(path: string, error: unknown): ApiError | null {
  if (!isLibrarysError(error)) return null;
  const classified = libraryError(path, error);
  if (classified.kind === 'read-only')
    return new ApiError('read-only', `library is read-only: ${path} (${messageOf(error)})`);
  return new ApiError(classified.kind === 'other' ? 'library' : classified.kind, classified.message);
}

/** The error worded as the library's (naming the path) when it is a SQLite or library error; else unchanged. */
export function asLibraryError(path: string, error: unknown): unknown {
  return isLibrarysError(error) ? libraryError(path, error) : error;
}

/** SQLite's errors and the library's own: not an input file's, not a bug's. */
function isLibrarysError(error: unknown): boolean {
  return (
    error instanceof LibraryError ||
    codeOf(error).startsWith('SQLITE_') ||
    (error as { name?: unknown } | null)?.name === 'DatabaseTooNewError'
  );
}
