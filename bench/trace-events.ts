// Chromium's trace events as `browser.stopTracing()` returns them (the Trace Event Format),
// with the fields the benchmarks read.

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Async spans ('b' … 'e') pair up by id. */
  id2?: { local?: string };
  id?: string;
  args?: { name?: string; value?: Record<string, unknown>; data?: { url?: string } };
}

/** The events of a finished trace. */
export function traceEvents(buffer: Buffer): TraceEvent[] {
  return (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
}
