// Holds highlight changes back until the scout chooses to show them. In Chromium every frame
// in which a registered highlight changed repaints the whole document (`bench:probe
// highlightUpdateCost`), so painting after every slice or every mutation would turn a sliced
// scan into a string of long frames. While highlights are off, nothing is rendered: changes go
// straight through.

import type { IdentifierKind, Occurrence } from '../identifiers/types';
import type { Mark, Painter } from './highlights';

/** A held change, as a number: bit 0 is the kind (set for a serial), bit 1 set to remove. */
const SERIAL = 1;
const REMOVE = 2;

/**
 * Held changes are a log, applied in order: the marks, and the change for each. A first scan
 * holds thousands of them between two repaints. Maps (a mark to its kind, one to add and one
 * to remove) left their outgrown tables in V8's old generation, and the old generation
 * filling up starts the major collections that make long tasks on a large page (`bench:gc`).
 */
export class PaintBatch implements Painter {
  private marks: Mark[] = [];
  private changes: number[] = [];
  private enabled = false;

  constructor(private readonly target: Painter) {}

  get pending(): boolean {
    return this.marks.length > 0;
  }

  mark(occurrence: Occurrence): Mark | null {
    return this.target.mark(occurrence);
  }

  add(mark: Mark, kind: IdentifierKind): void {
    if (!this.enabled) this.target.add(mark, kind);
    else this.hold(mark, kind === 'serial' ? SERIAL : 0);
  }

  remove(mark: Mark, kind: IdentifierKind): void {
    if (!this.enabled) this.target.remove(mark, kind);
    else this.hold(mark, REMOVE | (kind === 'serial' ? SERIAL : 0));
  }

  /**
   * Applies every held change at once: one repaint for all of them. A mark added and removed
   * since the last flush is added and removed again here, which the page never sees.
   */
  flush(): void {
    const { marks, changes } = this;
    if (marks.length === 0) return;
    this.marks = [];
    this.changes = [];
    for (let i = 0; i < marks.length; i++) {
      const change = changes[i] ?? 0;
      const kind: IdentifierKind = change & SERIAL ? 'serial' : 'deployment';
      if (change & REMOVE) this.target.remove(marks[i] as Mark, kind);
      else this.target.add(marks[i] as Mark, kind);
    }
  }

  addRoot(root: ShadowRoot): void {
    this.target.addRoot(root);
  }

  setEnabled(enabled: boolean): void {
    // The background confirms the setting with every reply: no repaint for that.
    if (enabled === this.enabled) return;
    this.flush();
    this.enabled = enabled;
    this.target.setEnabled(enabled);
  }

  get held(): boolean {
    return this.target.held;
  }

  /** The held changes go out first, so the colours arrive with the whole current set. */
  showHeld(): void {
    this.flush();
    this.target.showHeld();
  }

  holdLongText(): void {
    this.target.holdLongText?.();
  }

  dispose(): void {
    this.marks = [];
    this.changes = [];
    this.target.dispose();
  }

  private hold(mark: Mark, change: number): void {
    this.marks.push(mark);
    this.changes.push(change);
  }
}
