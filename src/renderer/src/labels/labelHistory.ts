// One undo/redo history of label changes for the whole app, kept while it runs: a change made on
// the Topography can be undone in the Library and the other way round. Each change is saved in the
// library at once (setLabel); undo restores every spectrum's previous label, redo re-applies.
// Changes run one after another, so fast key presses never interleave.
import type { ApiInput } from '../../../shared/api/contract.ts';

/** The classify run behind labels accepted from suggestions: image and settings (setLabel's). */
export type LabelProvenance = NonNullable<ApiInput<'setLabel'>['classified']>;

/**
 * Writes labels (grouped by label, one setLabel each); injected so tests use a real library.
 * `classified`: the labels are accepted suggestions, stored with the classify run that made them.
 */
export type LabelWriter = (
  labelOf: ReadonlyMap<number, string | null>,
  colour?: string,
  classified?: LabelProvenance,
) => Promise<void>;

interface LabelChange {
  /** Each spectrum's label before and after the change. */
  before: Map<number, string | null>;
  after: Map<number, string | null>;
  colour: string | undefined;
  /** Set when the change accepted suggestions: redo stores them as the classifier's again. */
  classified: LabelProvenance | undefined;
}

export interface LabelHistorySnapshot {
  /** Bumped after every saved change, undo, redo or labels CSV: views reload their labels. */
  revision: number;
  canUndo: boolean;
  canRedo: boolean;
  /** The last failed write, cleared by the next successful one. */
  error: string | null;
}

/** 'writing': labels about to be saved (views may show them at once); 'saved': written or failed. */
export type LabelEvent =
  { phase: 'writing'; labelOf: ReadonlyMap<number, string | null> } | { phase: 'saved' };

export class LabelHistory {
  private undoStack: LabelChange[] = [];
  private redoStack: LabelChange[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(event: LabelEvent) => void>();
  /** Labels this history wrote: newer than any list a view loaded before the write. */
  private readonly written = new Map<number, string | null>();
  private snapshot: LabelHistorySnapshot = { revision: 0, canUndo: false, canRedo: false, error: null };

  private readonly write: LabelWriter;

  constructor(write: LabelWriter) {
    this.write = write;
  }

  getSnapshot = (): LabelHistorySnapshot => this.snapshot;

  subscribe = (listener: (event: LabelEvent) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Labels `ids` with `label` (null removes). `known` gives the labels the caller's rows show;
   * labels this history wrote since take precedence, so a change queued behind another sees it.
   */
  apply(
    ids: readonly number[],
    label: string | null,
    known: ReadonlyMap<number, string | null>,
    colour?: string,
  ) {
    return this.applyMany(new Map(ids.map((id) => [id, label])), known, colour);
  }

  /**
   * One change giving each spectrum its own label (accepting suggested labels sets several at
   * once, with `classified` saying which classification made them).
   */
  applyMany(
    labelOf: ReadonlyMap<number, string | null>,
    known: ReadonlyMap<number, string | null>,
    colour?: string,
    classified?: LabelProvenance,
  ) {
    return this.run(async () => {
      const before = new Map([...labelOf.keys()].map((id) => [id, this.labelNow(id, known)]));
      const unchanged = [...labelOf].every(([id, label]) => before.get(id) === label);
      if (labelOf.size === 0 || (unchanged && !colour)) return;
      const after = new Map(labelOf);
      await this.save(after, colour, classified);
      this.undoStack.push({ before, after, colour, classified });
      this.redoStack = [];
    });
  }

  undo(): Promise<void> {
    return this.run(async () => {
      const change = this.undoStack.pop();
      if (!change) return;
      await this.save(change.before);
      this.redoStack.push(change);
    });
  }

  redo(): Promise<void> {
    return this.run(async () => {
      const change = this.redoStack.pop();
      if (!change) return;
      await this.save(change.after, change.colour, change.classified);
      this.undoStack.push(change);
    });
  }

  /**
   * Labels changed outside this history (a labels CSV): what it remembers writing may be stale,
   * and undoing across the import would silently revert part of it, so the history starts afresh.
   */
  labelsReplaced(): void {
    void this.run(() => {
      this.written.clear();
      this.undoStack = [];
      this.redoStack = [];
      return Promise.resolve();
    });
  }

  private labelNow(id: number, known: ReadonlyMap<number, string | null>): string | null {
    return this.written.has(id) ? (this.written.get(id) ?? null) : (known.get(id) ?? null);
  }

  private async save(
    labelOf: ReadonlyMap<number, string | null>,
    colour?: string,
    classified?: LabelProvenance,
  ): Promise<void> {
    for (const [id, label] of labelOf) this.written.set(id, label);
    this.emit({ phase: 'writing', labelOf });
    await this.write(labelOf, colour, classified);
  }

  private run(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue
      .then(task)
      .then(() => this.publish(null))
      .catch((e: unknown) => this.publish(e instanceof Error ? e.message : String(e)));
    return this.queue;
  }

  private publish(error: string | null): void {
    this.snapshot = {
      revision: this.snapshot.revision + 1,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      error,
    };
    this.emit({ phase: 'saved' });
  }

  private emit(event: LabelEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** Groups a label map by label so each label is one setLabel call. */
export function groupByLabel(labelOf: ReadonlyMap<number, string | null>): Map<string | null, number[]> {
  const byLabel = new Map<string | null, number[]>();
  for (const [id, label] of labelOf) {
    const ids = byLabel.get(label);
    if (ids) ids.push(id);
    else byLabel.set(label, [id]);
  }
  return byLabel;
}
