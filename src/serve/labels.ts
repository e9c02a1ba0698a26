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
  /** On the last page there is, when more hits lie beyond it. */
  depthNote: string;
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
  errors: Record<400 | 401 | 403 | 404 | 408 | 413 | 429 | 500 | 503, string>;
  backHome: string;
  /** Navigation entry and title of the Profile page. */
  profile: string;
  profileIntro: string;
  rankingNotConfigured: string;
  rankingOn: string;
  rankingOff: string;
  /** `{up}`, `{down}`, `{favorites}`: the reader's marks ranking learns from. */
  marksLearned: string;
  /** A day page whose ranking failed; `{reason}`. */
  rankingFailed: string;
  profileField: Record<'keywords' | 'exclude' | 'authors' | 'categories' | 'examples', [string, string]>;
  library: string;
  libraryHint: string;
  noLibrary: string;
  saveProfile: string;
  resetProfile: string;
  resetHint: string;
  profileSaved: string;
  profileReset: string;
  profileNotSaved: string;
  /** Where a profile problem is: `{field}`, `{line}`. */
  profileLine: string;
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
  depthNote: 'Hits are listed up to the {n}th. Add a word, a category or dates to reach the others.',
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
    408: 'Request too slow',
    413: 'Request too large',
    429: 'Too many attempts',
    500: 'Something went wrong',
    503: 'Too busy to answer',
  },
  backHome: 'Back to the list of days',
  profile: 'Profile',
  profileIntro:
    'What ranking looks for. Each day then shows a For you section, and every paper its score (−1 to 1) and the reason.',
  rankingNotConfigured:
    'Ranking is not configured on this server: days are shown in their usual order, without scores.',
  rankingOn: 'Ranking is on: day pages show your For you picks and every paper’s score.',
  rankingOff:
    'Ranking is off: the profile is empty, there is no library and not enough ratings yet. Add a keyword, an author or an example paper.',
  marksLearned: 'Ranking also learns from your marks: {up} 👍, {down} 👎, {favorites} ★.',
  rankingFailed: 'This day could not be ranked, so it is shown without scores: {reason}',
  profileField: {
    keywords: ['Keywords', 'One per line; a weight after a colon counts more: diffusion:2'],
    exclude: ['Negative keywords', 'One per line; a paper that has one is pushed down by its weight: survey:0.5'],
    authors: ['Authors', 'One per line, as on arXiv: Jane Doe, or Jane Doe:2'],
    categories: [
      'Category weights',
      'One per line, from −10 to 10; negative pushes a category down: cs.CV:1, cs.CL:-0.5',
    ],
    examples: ['Example papers', 'arXiv ids of papers like the ones you want, one per line: 2401.01234'],
  },
  library: 'Library',
  libraryHint: 'Exports of your reference manager, from the config file (change them there).',
  noLibrary: 'No library in the config file.',
  saveProfile: 'Save profile',
  resetProfile: 'Use the config file’s profile',
  resetHint: 'Forgets the profile saved here; ranking goes back to the config file’s.',
  profileSaved: 'Profile saved.',
  profileReset: 'Back to the config file’s profile.',
  profileNotSaved: 'The profile was not saved:',
  profileLine: '{field}, line {line}',
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
  depthNote: '结果最多列出前 {n} 条。加一个词、分类或日期即可找到其余的论文。',
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
    408: '请求太慢',
    413: '请求过大',
    429: '尝试次数过多',
    500: '出错了',
    503: '暂时无法回答',
  },
  backHome: '返回日期列表',
  profile: '兴趣设置',
  profileIntro: '排序所依据的内容。设置后每天会显示“为你推荐”，每篇论文会显示匹配度（−1 到 1）和原因。',
  rankingNotConfigured: '此服务器没有配置排序：日期页按通常顺序显示，没有匹配度。',
  rankingOn: '排序已开启：日期页显示为你推荐的论文和每篇论文的匹配度。',
  rankingOff: '排序未开启：兴趣设置为空，没有文献库，评分也还不够。请添加关键词、作者或示例论文。',
  marksLearned: '排序也会参考你的标记：{up} 👍，{down} 👎，{favorites} ★。',
  rankingFailed: '这一天无法排序，因此不显示匹配度：{reason}',
  profileField: {
    keywords: ['关键词', '每行一个；冒号后的权重越大越重要：diffusion:2'],
    exclude: ['屏蔽关键词', '每行一个；含有它的论文按权重降低排序：survey:0.5'],
    authors: ['作者', '每行一位，按 arXiv 上的写法：Jane Doe 或 Jane Doe:2'],
    categories: ['分类权重', '每行一个，范围 −10 到 10；负数表示降低该分类：cs.CV:1、cs.CL:-0.5'],
    examples: ['示例论文', '与你想看的论文相似的 arXiv 编号，每行一个：2401.01234'],
  },
  library: '文献库',
  libraryHint: '来自配置文件的文献管理软件导出文件（请在配置文件中修改）。',
  noLibrary: '配置文件中没有文献库。',
  saveProfile: '保存设置',
  resetProfile: '使用配置文件中的设置',
  resetHint: '删除在这里保存的设置，排序改回使用配置文件中的设置。',
  profileSaved: '设置已保存。',
  profileReset: '已改回配置文件中的设置。',
  profileNotSaved: '设置没有保存：',
  profileLine: '{field}，第 {line} 行',
};

/** The app's words for a summary language, in the same language as the site's labels. */
export const appLabelsFor = (language: string): AppLabels => (labelsFor(language).lang === 'zh-CN' ? CHINESE : ENGLISH);
