/**
 * Code links: GitHub, GitLab and Hugging Face repositories named in a paper's abstract or
 * comment. Pure. The reference system stripped ".git" with rstrip, which removes *characters*
 * (…/CSGOTrading became …/CSGOTradin); here only a real ".git" suffix goes.
 */

export interface FoundLink {
  url: string;
  host: 'github' | 'gitlab' | 'huggingface';
}

const PATTERNS: { host: FoundLink['host']; re: RegExp }[] = [
  { host: 'github', re: /https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9][\w.-]*)\/([\w.-]+)/gi },
  { host: 'gitlab', re: /https?:\/\/(?:www\.)?gitlab\.com\/((?:[\w.-]+\/)+)([\w.-]+)/gi },
  { host: 'huggingface', re: /https?:\/\/(?:www\.)?huggingface\.co\/((?:datasets\/|spaces\/)?[\w.-]+)\/([\w.-]+)/gi },
];

// Names that follow the host but are pages, not owners.
const NOT_OWNERS = new Set([
  'features',
  'about',
  'pricing',
  'topics',
  'orgs',
  'sponsors',
  'marketplace',
  'docs',
  'blog',
  'explore',
]);

/** `repo.git` → `repo`; trailing sentence punctuation and a stray `.` go too. */
function cleanName(name: string): string {
  let n = name.replace(/[.,;:]+$/, '');
  if (n.toLowerCase().endsWith('.git')) n = n.slice(0, -4);
  return n;
}

/** Repositories in the order they appear, each once; GitHub first when several hosts appear. */
export function findCodeLinks(...texts: (string | null | undefined)[]): FoundLink[] {
  const text = texts.filter(Boolean).join('\n');
  const found: (FoundLink & { at: number })[] = [];
  for (const { host, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const owner = m[1]!.replace(/\/$/, '');
      const repo = cleanName(m[2]!);
      if (!repo || NOT_OWNERS.has(owner.toLowerCase())) continue;
      const base =
        host === 'github' ? 'https://github.com' : host === 'gitlab' ? 'https://gitlab.com' : 'https://huggingface.co';
      found.push({ host, url: `${base}/${owner}/${repo}`, at: m.index ?? 0 });
    }
  }
  const rank = { github: 0, gitlab: 1, huggingface: 2 };
  const seen = new Set<string>();
  return found
    .sort((a, b) => rank[a.host] - rank[b.host] || a.at - b.at)
    .filter((l) => !seen.has(l.url.toLowerCase()) && seen.add(l.url.toLowerCase()))
    .map(({ host, url }) => ({ host, url }));
}
