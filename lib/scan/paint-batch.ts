// Holds highlight changes back until the scout chooses to show them. In Chromium every frame
// in which a registered highlight changed repaints the whole document (measured by
// `bench/in-world.ts highlightUpdateCost`: ~75 ms on a 5 MB ticket against ~13 ms for an
// unchanged frame), so painting after every slice or every mutation would turn a sliced scan
// into a string of long frames. While highlights are off, nothing is rendered: changes go
// straight through.

import type { IdentifierKind, Occurrence } from '../identifiers/types';
import type { Mark, Painter } from './highlights';

export class PaintBatch implements Painter {
  private readonly adds = new Map<Mark, IdentifierKind>();
  private readonly removes = new Map<Mark, IdentifierKind>();
  private enabled = false;

  constructor(private readonly target: Painter) {}

  get pending(): boolean {
    return this.adds.size > 0 || this.removes.size > 0;
  }

  mark(occurrence: Occurrence): Mark | null {
    return this.target.mark(occurrence);
  }

  add(mark: Mark, kind: IdentifierKind): void {
    if (this.enabled) this.adds.set(mark, kind);
    else this.target.add(mark, kind);
  }

  remove(mark: Mark, kind: IdentifierKind): void {
    if (!this.enabled) this.target.remove(mark, kind);
    else if (!this.adds.delete(mark)) this.removes.set(mark, kind);
  }

  /** Applies every held change at once: one repaint for all of them. */
  flush(): void {
    // forEach, not for…of: no entry array per change (a flush on a big page holds thousands).
    this.removes.forEach((kind, mark) => {
      this.target.remove(mark, kind);
    });
    this.adds.forEach((kind, mark) => {
      this.target.add(mark, kind);
    });
    this.removes.clear();
    this.adds.clear();
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

  dispose(): void {
    this.adds.clear();
    this.removes.clear();
    this.target.dispose();
  }
}
