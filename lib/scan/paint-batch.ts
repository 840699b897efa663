// Holds highlight changes back until the scout chooses to show them. In Chromium every frame
// in which a registered highlight changed repaints the whole document (measured by
// `bench/in-world.ts highlightUpdateCost`: ~75 ms on a 5 MB ticket against ~13 ms for an
// unchanged frame), so painting after every slice or every mutation would turn a sliced scan
// into a string of long frames. While highlights are off, nothing is rendered: changes go
// straight through.

import type { IdentifierKind, Occurrence } from '../identifiers/types';
import type { Painter } from './highlights';

export class PaintBatch implements Painter {
  private readonly adds = new Map<Occurrence, IdentifierKind>();
  private readonly removes = new Map<Occurrence, IdentifierKind>();
  private enabled = false;

  constructor(private readonly target: Painter) {}

  get pending(): boolean {
    return this.adds.size > 0 || this.removes.size > 0;
  }

  add(occurrence: Occurrence, kind: IdentifierKind): void {
    if (this.enabled) this.adds.set(occurrence, kind);
    else this.target.add(occurrence, kind);
  }

  remove(occurrence: Occurrence, kind: IdentifierKind): void {
    if (!this.enabled) this.target.remove(occurrence, kind);
    else if (!this.adds.delete(occurrence)) this.removes.set(occurrence, kind);
  }

  /** Applies every held change at once: one repaint for all of them. */
  flush(): void {
    for (const [occurrence, kind] of this.removes) this.target.remove(occurrence, kind);
    for (const [occurrence, kind] of this.adds) this.target.add(occurrence, kind);
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
