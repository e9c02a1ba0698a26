/** Every output format is a Renderer: a pure function from a DayView to the file's text. */
import type { DayView } from '../core/day-view.js';

export interface Renderer {
  /** The `--format` name. */
  format: string;
  /** Suggested file name for the day, e.g. `2026-06-02.md`. */
  fileName(day: DayView): string;
  /** False for formats that carry metadata only (raw JSONL). */
  summaries: boolean;
  render(day: DayView): string;
}
