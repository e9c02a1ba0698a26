/**
 * Japanese: so far the e-mail and chat digest only; the site and the web app are in English until
 * their parts are added here.
 */
import { grouped } from '../../core/text.js';
import { FLAGS } from '../../core/flags.js';
import type { CatalogFile } from './catalog.js';

const JAPANESE: CatalogFile = {
  tag: 'ja',
  digest: {
    lang: 'ja',
    title: (date, n) => `arXiv ダイジェスト ${date} — ${grouped(n)} 件`,
    category: (name, n) => `${name} — ${grouped(n)} 件`,
    continued: '（続き）',
    tldr: 'TL;DR：',
    status: (status, reason) =>
      `要約の状態：${{ pending: '未生成', failed: '失敗', refused: '拒否' }[status]}（${status}）— ${reason}`,
    otherCheck: (f) => `要確認：${f}。`,
    more: (n) => `…… ほか ${grouped(n)} 件はここに載せていません：`,
    fullDigest: '全件',
    listing: (c) => `arXiv ${c}`,
    abs: 'arXiv',
    pdf: 'PDF',
    code: 'コード',
    etAl: 'ほか',
    placeholderReason: '保存された要約は失敗時の代替テキストです',
    footer: 'arxiv-digest から送信。',
    forYou: 'あなたへのおすすめ',
    score: (s) => `スコア ${s}`,
  },
  checks: {
    [FLAGS.unsupportedNumber]: '要確認：この要約にはアブストラクトにない数値があります。',
    [FLAGS.languageMismatch]: '要確認：この要約は指定の言語ではありません。',
    [FLAGS.untranslated]: 'オフライン要約（アブストラクトの言語のまま、未翻訳）。',
    [FLAGS.unrelated]: '要確認：この要約はタイトルやアブストラクトとほとんど共通点がありません。',
    [FLAGS.instructionLike]: '要確認：この要約には指示のような文が含まれています（注入の可能性）。',
    [FLAGS.inputTruncated]: 'タイトルまたはアブストラクトが長すぎるため、切り詰めて要約しました。',
  },
};

export default JAPANESE;
