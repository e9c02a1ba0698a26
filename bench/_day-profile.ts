import { openStore } from '../src/store/store.js';
import { createApp } from '../src/serve/app.js';
import { loadDay } from '../src/publish/load-day.js';
import { cachedListDays } from './search-variant.js';
const store = openStore('/tmp/arxiv-digest-1m.db');
store.listDays = cachedListDays(store);
const app = createApp({ store, language: 'Chinese', categoryOrder: ['cs.CV'], preferredSummarizer: 'openai:deepseek-chat', siteTitle: 'x', token: null });
const days = store.listDays().map((d) => d.date);
let sum = 0, lsum = 0; const n = 60;
for (let i = 0; i < n + 5; i++) {
  const d = days[(i * 97) % days.length]!;
  const t0 = performance.now();
  loadDay(store, { date: d, language: 'Chinese', categoryOrder: ['cs.CV'], preferredSummarizer: 'openai:deepseek-chat' });
  const t1 = performance.now();
  const r = await app.request(`/days/${d}`); await r.text();
  const t2 = performance.now();
  if (i >= 5) { lsum += t1 - t0; sum += t2 - t1; }
}
console.log('loadDay mean', (lsum / n).toFixed(1), 'ms; full request mean', (sum / n).toFixed(1), 'ms');
