/**
 * Words of the web app that the static site does not have (favorites, search filters, the paper
 * page, errors), in the languages the site has tables for; the site's `labelsFor` decides which,
 * so both halves of a page always speak the same language. `{n}`, `{q}` are filled by `fill`.
 */
import { labelsFor } from '../publish/site/labels.js';

export interface AppLabels {
  nav: string;
  days: string;
  favorites: string;
  searchPlaceholder: string;
  searchTitle: string;
  searchButton: string;
  searchHelp: string;
  query: string;
  category: string;
  from: string;
  to: string;
  author: string;
  resultsFor: string;
  /** Shown when a query matched so many papers that they are listed newest first. */
  broadNote: string;
  page: string;
  prev: string;
  next: string;
  marks: string;
  favorite: string;
  like: string;
  dislike: string;
  similar: string;
  noSimilar: string;
  summaries: string;
  noSummaries: string;
  metadata: string;
  versions: string;
  announcements: string;
  codeLinks: string;
  bibtex: string;
  copy: string;
  copied: string;
  exportBibtex: string;
  exportRis: string;
  noFavorites: string;
  noDays: string;
  field: {
    id: string;
    version: string;
    authors: string;
    categories: string;
    published: string;
    updated: string;
    journalRef: string;
    doi: string;
    language: string;
    summarizer: string;
    promptVersion: string;
    status: string;
    flags: string;
    error: string;
    date: string;
    listing: string;
    kind: string;
    stars: string;
    lastUpdate: string;
    summarizedAt: string;
  };
  errors: Record<400 | 401 | 403 | 404 | 413 | 500, string>;
  backHome: string;
}

const ENGLISH: AppLabels = {
  nav: 'Sections',
  days: 'Days',
  favorites: 'Favorites',
  searchPlaceholder: 'Search the whole history',
  searchTitle: 'Search',
  searchButton: 'Search',
  searchHelp:
    'Words (all must match), "exact phrases", prefix*, AND / OR / NOT, parentheses, title: authors: abstract: summaries:',
  query: 'Query',
  category: 'Category',
  from: 'From',
  to: 'To',
  author: 'Author',
  broadNote:
    'More than {n} papers match, so the newest come first. Add a word, a category or dates to rank them by relevance.',
  resultsFor: 'Results for {q}',
  page: 'page {n}',
  prev: 'Previous',
  next: 'Next',
  marks: 'Your marks',
  favorite: 'Favorite',
  like: 'Good paper',
  dislike: 'Not for me',
  similar: 'Similar papers',
  noSimilar: 'No similar papers found.',
  summaries: 'Summaries',
  noSummaries: 'No summaries stored.',
  metadata: 'Metadata',
  versions: 'Versions',
  announcements: 'Announcements',
  codeLinks: 'Code',
  bibtex: 'BibTeX',
  copy: 'Copy',
  copied: 'Copied',
  exportBibtex: 'Export BibTeX',
  exportRis: 'Export RIS',
  noFavorites: 'No favorites yet: mark papers with ★ on a day page or a paper page.',
  noDays: 'The store has no days yet: import or fetch some.',
  field: {
    id: 'arXiv id',
    version: 'Version',
    authors: 'Authors',
    categories: 'Categories',
    published: 'Published',
    updated: 'Updated',
    journalRef: 'Journal reference',
    doi: 'DOI',
    language: 'Language',
    summarizer: 'Summarizer',
    promptVersion: 'Prompt version',
    status: 'Status',
    flags: 'Flags',
    error: 'Error',
    date: 'Date',
    listing: 'Listing',
    kind: 'Kind',
    stars: 'Stars',
    lastUpdate: 'Last update',
    summarizedAt: 'Summarized',
  },
  errors: {
    400: 'Bad request',
    401: 'Access token needed',
    403: 'Forbidden',
    404: 'Not found',
    413: 'Request too large',
    500: 'Something went wrong',
  },
  backHome: 'Back to the list of days',
};

const CHINESE: AppLabels = {
  nav: '栏目',
  days: '日期',
  favorites: '收藏',
  searchPlaceholder: '搜索全部历史',
  searchTitle: '搜索',
  searchButton: '搜索',
  searchHelp: '词语（须全部匹配）、"精确短语"、前缀*、AND / OR / NOT、括号、title: authors: abstract: summaries:',
  query: '查询',
  category: '分类',
  from: '起始日期',
  to: '结束日期',
  author: '作者',
  broadNote: '匹配的论文超过 {n} 篇，按时间从新到旧列出。加一个词、分类或日期即可按相关度排序。',
  resultsFor: '{q} 的搜索结果',
  page: '第 {n} 页',
  prev: '上一页',
  next: '下一页',
  marks: '我的标记',
  favorite: '收藏',
  like: '好论文',
  dislike: '不感兴趣',
  similar: '相似论文',
  noSimilar: '没有找到相似论文。',
  summaries: '总结',
  noSummaries: '没有已存储的总结。',
  metadata: '元数据',
  versions: '版本',
  announcements: '公告',
  codeLinks: '代码',
  bibtex: 'BibTeX',
  copy: '复制',
  copied: '已复制',
  exportBibtex: '导出 BibTeX',
  exportRis: '导出 RIS',
  noFavorites: '还没有收藏：在日期页或论文页用 ★ 标记论文。',
  noDays: '存储中还没有日期：请先导入或抓取。',
  field: {
    id: 'arXiv 编号',
    version: '版本',
    authors: '作者',
    categories: '分类',
    published: '发表',
    updated: '更新',
    journalRef: '期刊引用',
    doi: 'DOI',
    language: '语言',
    summarizer: '总结器',
    promptVersion: '提示词版本',
    status: '状态',
    flags: '标记',
    error: '错误',
    date: '日期',
    listing: '列表',
    kind: '类型',
    stars: '星标',
    lastUpdate: '最后更新',
    summarizedAt: '总结时间',
  },
  errors: {
    400: '请求有误',
    401: '需要访问令牌',
    403: '禁止访问',
    404: '未找到',
    413: '请求过大',
    500: '出错了',
  },
  backHome: '返回日期列表',
};

/** The app's words for a summary language, in the same language as the site's labels. */
export const appLabelsFor = (language: string): AppLabels => (labelsFor(language).lang === 'zh-CN' ? CHINESE : ENGLISH);
