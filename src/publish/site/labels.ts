/**
 * The site's words, in the summary language: a reader who asked for Chinese summaries gets a
 * Chinese page around them. Keyed by language name as the LANGUAGE setting spells it (any case,
 * a few aliases); a language without a table falls back to English. `{n}`, `{at}`, `{language}`
 * are filled in by `fill`, on the server and in the browser alike.
 */

export interface Labels {
  /** BCP 47 tag for `<html lang>`: the language these labels are in. */
  lang: string;
  days: string;
  /** [one, other]. */
  dayCount: [string, string];
  /** [one, other]. */
  papers: [string, string];
  summarized: string;
  pending: string;
  failed: string;
  refused: string;
  placeholders: string;
  noPapers: string;
  all: string;
  categories: string;
  tldr: string;
  details: string;
  motivation: string;
  method: string;
  result: string;
  conclusion: string;
  abstract: string;
  comment: string;
  absPage: string;
  pdf: string;
  html: string;
  code: string;
  doi: string;
  /** `{status}` (translated) and `{reason}` (as stored). */
  summaryStatus: string;
  status: Record<'pending' | 'failed' | 'refused', string>;
  kind: Record<'cross' | 'replace' | 'replace-cross', string>;
  /** Short badge text and a longer explanation (tooltip) per summary flag. */
  flags: Record<
    | 'unsupportedNumber'
    | 'languageMismatch'
    | 'untranslated'
    | 'placeholder'
    | 'unrelated'
    | 'instructionLike'
    | 'inputTruncated',
    [string, string]
  >;
  placeholderOnly: string;
  search: string;
  searchLoading: string;
  searchFailed: string;
  noResults: string;
  results: [string, string];
  moreResults: string;
  settings: string;
  highlightKeywords: string;
  highlightAuthors: string;
  negativeKeywords: string;
  commaHint: string;
  negativeMode: string;
  hide: string;
  dim: string;
  save: string;
  close: string;
  hiddenCount: string;
  themeToggle: string;
  themeAuto: string;
  help: string;
  keys: { next: string; prev: string; open: string; search: string; help: string; close: string };
  generated: string;
  older: string;
  newer: string;
  allDays: string;
  skipToPapers: string;
  /** Heading of a ranked day's top picks. */
  forYou: string;
  /** Said in the For you section when the day was ranked but nothing scored high enough. */
  forYouNone: string;
  /** Text before a paper's score on its badge: "score 0.62". */
  score: string;
  /** The score badge's tooltip. */
  scoreTip: string;
  /** Label of a paper's ranking reason. */
  why: string;
  /** The order control of a ranked day. */
  order: string;
  byCategory: string;
  byScore: string;
  /** Heading of the one list of a day ordered by score. */
  allByScore: string;
}

const ENGLISH: Labels = {
  lang: 'en',
  days: 'Days',
  dayCount: ['{n} day', '{n} days'],
  papers: ['{n} paper', '{n} papers'],
  summarized: '{n} summarized',
  pending: '{n} pending',
  failed: '{n} failed',
  refused: '{n} refused',
  placeholders: '{n} with placeholder text',
  noPapers: 'No papers.',
  all: 'All',
  categories: 'Categories',
  tldr: 'TL;DR',
  details: 'Details',
  motivation: 'Motivation',
  method: 'Method',
  result: 'Result',
  conclusion: 'Conclusion',
  abstract: 'Abstract',
  comment: 'Comment',
  absPage: 'arXiv',
  pdf: 'PDF',
  html: 'HTML',
  code: 'Code',
  doi: 'DOI',
  summaryStatus: 'Summary status: {status} — {reason}',
  status: { pending: 'pending', failed: 'failed', refused: 'refused' },
  kind: { cross: 'cross-list', replace: 'replacement', 'replace-cross': 'replaced cross-list' },
  flags: {
    unsupportedNumber: ['number not in abstract', 'This summary has a number that is not in the title or abstract.'],
    languageMismatch: ['language mismatch', 'This summary is not in the requested language ({language}).'],
    untranslated: ['untranslated', "Offline summary in the abstract's language, not translated into {language}."],
    placeholder: ['placeholder text', "Parts of this summary are the reference system's failure placeholders."],
    unrelated: [
      'unrelated to the paper?',
      'This summary shares almost nothing with the title and abstract: check it against them.',
    ],
    instructionLike: [
      'instruction-like text',
      'This summary contains text addressed to a model (possibly injected through the abstract).',
    ],
    inputTruncated: ['input cut', 'The title or abstract was too long and was cut before summarizing.'],
  },
  placeholderOnly: "no summary: the reference system's summary was placeholder text",
  search: 'Search all days',
  searchLoading: 'Loading the search index…',
  searchFailed: 'The search index could not be loaded.',
  noResults: 'No results.',
  results: ['{n} result', '{n} results'],
  moreResults: 'showing the first {n}',
  settings: 'Settings',
  highlightKeywords: 'Highlight keywords',
  highlightAuthors: 'Highlight authors',
  negativeKeywords: 'Negative keywords',
  commaHint: 'comma-separated',
  negativeMode: 'Papers with a negative keyword',
  hide: 'hide',
  dim: 'dim',
  save: 'Save',
  close: 'Close',
  hiddenCount: '{n} hidden by negative keywords',
  themeToggle: 'Toggle dark mode',
  themeAuto: 'Follow the system theme',
  help: 'Keyboard shortcuts',
  keys: {
    next: 'next paper',
    prev: 'previous paper',
    open: 'open or close the details',
    search: 'search',
    help: 'this help',
    close: 'close, leave the search box',
  },
  generated: 'Generated {at}',
  older: 'Older',
  newer: 'Newer',
  allDays: 'All days',
  skipToPapers: 'Skip to the papers',
  forYou: 'For you',
  forYouNone: 'No paper stands out for your profile today.',
  score: 'score',
  scoreTip: 'How well the paper matches your profile: from −1 to 1, 0 is neutral, 0.5 one strong signal',
  why: 'Why:',
  order: 'Order',
  byCategory: 'by category',
  byScore: 'by score',
  allByScore: 'All papers by score',
};

const CHINESE: Labels = {
  lang: 'zh-CN',
  days: '日期',
  dayCount: ['{n} 天', '{n} 天'],
  papers: ['{n} 篇论文', '{n} 篇论文'],
  summarized: '{n} 篇已总结',
  pending: '{n} 篇待总结',
  failed: '{n} 篇失败',
  refused: '{n} 篇被拒绝',
  placeholders: '{n} 篇为占位文本',
  noPapers: '没有论文。',
  all: '全部',
  categories: '分类',
  tldr: '一句话总结',
  details: '详情',
  motivation: '动机',
  method: '方法',
  result: '结果',
  conclusion: '结论',
  abstract: '摘要',
  comment: '备注',
  absPage: 'arXiv',
  pdf: 'PDF',
  html: 'HTML',
  code: '代码',
  doi: 'DOI',
  summaryStatus: '总结状态：{status} — {reason}',
  status: { pending: '待总结', failed: '失败', refused: '被拒绝' },
  kind: { cross: '交叉列出', replace: '替换版本', 'replace-cross': '替换的交叉列出' },
  flags: {
    unsupportedNumber: ['数字不在摘要中', '此总结中有标题和摘要里都没有的数字。'],
    languageMismatch: ['语言不符', '此总结不是所要求的语言（{language}）。'],
    untranslated: ['未翻译', '离线总结，使用摘要原文的语言，未翻译成{language}。'],
    placeholder: ['占位文本', '此总结的部分内容是参考系统失败时的占位文本。'],
    unrelated: ['可能与论文无关', '此总结与标题和摘要几乎没有共同内容，请对照原文核对。'],
    instructionLike: ['含类似指令的文字', '此总结含有面向模型的指令式文字（可能经由摘要注入）。'],
    inputTruncated: ['输入已截断', '标题或摘要过长，总结前已被截断。'],
  },
  placeholderOnly: '没有总结：参考系统的总结是占位文本',
  search: '搜索所有日期',
  searchLoading: '正在加载搜索索引…',
  searchFailed: '无法加载搜索索引。',
  noResults: '没有结果。',
  results: ['{n} 条结果', '{n} 条结果'],
  moreResults: '只显示前 {n} 条',
  settings: '设置',
  highlightKeywords: '高亮关键词',
  highlightAuthors: '高亮作者',
  negativeKeywords: '屏蔽关键词',
  commaHint: '用逗号分隔',
  negativeMode: '含屏蔽关键词的论文',
  hide: '隐藏',
  dim: '淡化',
  save: '保存',
  close: '关闭',
  hiddenCount: '{n} 篇因屏蔽关键词被隐藏',
  themeToggle: '切换深色模式',
  themeAuto: '跟随系统主题',
  help: '键盘快捷键',
  keys: {
    next: '下一篇',
    prev: '上一篇',
    open: '展开或收起详情',
    search: '搜索',
    help: '显示此帮助',
    close: '关闭，离开搜索框',
  },
  generated: '生成于 {at}',
  older: '更早',
  newer: '更新',
  allDays: '所有日期',
  skipToPapers: '跳到论文列表',
  forYou: '为你推荐',
  forYouNone: '今天没有特别符合你兴趣设置的论文。',
  score: '匹配度',
  scoreTip: '论文与你的兴趣设置的匹配程度：从 −1 到 1，0 为中性，0.5 表示一个强信号',
  why: '原因：',
  order: '排序',
  byCategory: '按分类',
  byScore: '按匹配度',
  allByScore: '全部论文（按匹配度）',
};

/** Language names (lower case) to tables; aliases cover how people write the setting. */
const TABLES: ReadonlyMap<string, Labels> = new Map([
  ['english', ENGLISH],
  ['en', ENGLISH],
  ['chinese', CHINESE],
  ['simplified chinese', CHINESE],
  ['chinese (simplified)', CHINESE],
  ['zh', CHINESE],
  ['zh-cn', CHINESE],
  ['中文', CHINESE],
  ['简体中文', CHINESE],
]);

/** The labels for a summary language; English for a language without a table. */
export const labelsFor = (language: string): Labels => TABLES.get(language.trim().toLowerCase()) ?? ENGLISH;

/** Fills `{name}` slots; unknown slots stay as written. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** Singular or plural form for a count (Chinese has one form, written twice). */
export const count = (forms: readonly [string, string], n: number): string =>
  fill(n === 1 ? forms[0] : forms[1], { n });

/** BCP 47 tags of common summary languages, for `lang` on the summary text (screen readers, fonts). */
const LANGUAGE_TAGS: Record<string, string> = {
  english: 'en',
  chinese: 'zh-CN',
  'traditional chinese': 'zh-TW',
  japanese: 'ja',
  korean: 'ko',
  german: 'de',
  french: 'fr',
  spanish: 'es',
  italian: 'it',
  portuguese: 'pt',
  russian: 'ru',
  arabic: 'ar',
  vietnamese: 'vi',
};

/** The language tag of a summary language name, or null when unknown (no `lang` is written). */
export const languageTag = (language: string): string | null =>
  LANGUAGE_TAGS[language.trim().toLowerCase()] ?? TABLES.get(language.trim().toLowerCase())?.lang ?? null;
