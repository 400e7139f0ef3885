// What the app sees of a watched session: which folders, a version that changes with every batch
// that changed the library (cheap to poll), and the newest per-file events for the notices.

export type WatchEventKind = 'imported' | 'updated' | 'in-progress' | 'failed' | 'missing' | 'renamed';

export interface WatchEvent {
  /** Increases by one per event, across the session. */
  seq: number;
  /** ISO time of the batch. */
  time: string;
  kind: WatchEventKind;
  path: string;
  name: string;
  /** Spectra and images the file holds now (0 for failed/missing). */
  spectra: number;
  images: number;
  /** The reader's error, the old path of a rename, or empty. */
  detail: string;
}

export interface WatchStatus {
  watching: boolean;
  folders: string[];
  polling: boolean;
  /** Bumped by every batch that changed the library. */
  version: number;
  /** Newest events, oldest first (at most 50). */
  events: WatchEvent[];
  /** Set when watching stopped on an error (e.g. the folder vanished). */
  error: string | null;
}
