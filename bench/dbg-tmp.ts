import { renderAtom, renderJsonFeed, renderRss } from '../src/publish/feeds.js';
import { renderEmail } from '../src/deliver/email.js';
import { loadRealDays } from '../test/support/real-days.js';
const days = loadRealDays();
for (const { day, view } of days) {
  const o = { title: 't', siteUrl: 'https://x.org', language: 'Chinese', generatedAt: '2026-07-01T00:00:00Z' };
  const sz = (s: string) => (Buffer.byteLength(s) / 1024).toFixed(0) + ' KB';
  const m = renderEmail({ date: view.date, language: 'Chinese', categories: view.categories, papers: view.papers, url: 'https://x.org/days/d.html', maxPapers: 100000 });
  const m50 = renderEmail({ date: view.date, language: 'Chinese', categories: view.categories, papers: view.papers, url: 'https://x.org/days/d.html', maxPapers: 50 });
  console.log(day.name, view.papers.length, 'rss', sz(renderRss([view], o)), 'atom', sz(renderAtom([view], o)), 'json', sz(renderJsonFeed([view], o)), 'email all', m.shown, sz(m.html), 'email 50', m50.shown, sz(m50.html));
}
