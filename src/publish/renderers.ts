/** The output formats `render --format` accepts. */
import { bibtexRenderer, risRenderer } from './citations.js';
import { atomRenderer, jsonFeedRenderer, rssRenderer } from './feed-files.js';
import { jsonRenderer } from './json.js';
import { enhancedJsonlRenderer, rawJsonlRenderer } from './jsonl.js';
import { markdownRenderer } from './markdown.js';
import type { Renderer } from './renderer.js';

export const RENDERERS: readonly Renderer[] = [
  markdownRenderer,
  enhancedJsonlRenderer,
  rawJsonlRenderer,
  jsonRenderer,
  rssRenderer,
  atomRenderer,
  jsonFeedRenderer,
  bibtexRenderer,
  risRenderer,
];

export const rendererFor = (format: string): Renderer | undefined => RENDERERS.find((r) => r.format === format);
