import { describe, expect, it } from 'vitest';
import type { SummaryFields } from '../core/types.js';
import { checkScript, scriptOfLanguage, summaryLanguageOk } from './script.js';

const CHINESE = '本文提出了一种基于LoRA的微调方法，在GPU上训练Transformer模型，显著降低了显存占用。';
const JAPANESE = '本研究では、大規模言語モデルのためのKVキャッシュ圧縮手法を提案し、メモリ使用量を削減する。';
const KOREAN = '우리는 대규모 언어 모델을 위한 새로운 KV 캐시 압축 방법을 제안한다.';
const GERMAN = 'Wir schlagen eine neue Methode zur Komprimierung des KV-Caches für große Sprachmodelle vor.';
const ENGLISH = 'We propose a new method for compressing the KV cache of large language models.';

/** One sample sentence per script family: [language names, expected script, text]. */
const SAMPLES: [string[], string, string][] = [
  [
    ['Russian', 'ru', 'русский'],
    'Cyrillic',
    'Мы предлагаем метод LoRA для дообучения больших языковых моделей на GPU, который сокращает память.',
  ],
  [['Ukrainian', 'uk'], 'Cyrillic', 'Ми пропонуємо новий метод стиснення кешу для великих мовних моделей.'],
  [['Bulgarian'], 'Cyrillic', 'Предлагаме нов метод за компресия на кеша на големи езикови модели.'],
  [['Serbian (Cyrillic)', 'sr-Cyrl'], 'Cyrillic', 'Предлажемо нови метод за компресију кеша великих језичких модела.'],
  [['Greek', 'el'], 'Greek', 'Προτείνουμε μια νέα μέθοδο συμπίεσης της κρυφής μνήμης για μεγάλα γλωσσικά μοντέλα.'],
  [['Arabic', 'ar', 'العربية'], 'Arabic', 'نقترح طريقة جديدة لضغط ذاكرة التخزين المؤقت لنماذج اللغة الكبيرة.'],
  [['Persian', 'Farsi', 'fa'], 'Arabic', 'ما روش جدیدی برای فشرده‌سازی حافظه نهان مدل‌های زبانی بزرگ پیشنهاد می‌کنیم.'],
  [['Urdu'], 'Arabic', 'ہم بڑے لسانی ماڈلز کے لیے کیش کو کمپریس کرنے کا ایک نیا طریقہ تجویز کرتے ہیں۔'],
  [['Hebrew', 'he'], 'Hebrew', 'אנו מציעים שיטה חדשה לדחיסת זיכרון המטמון של מודלי שפה גדולים.'],
  [['Hindi', 'हिन्दी'], 'Devanagari', 'हम बड़े भाषा मॉडलों के लिए कैश संपीड़न की एक नई विधि प्रस्तावित करते हैं।'],
  [['Marathi'], 'Devanagari', 'आम्ही मोठ्या भाषा मॉडेलसाठी कॅशे संकुचनाची नवीन पद्धत प्रस्तावित करतो.'],
  [['Nepali'], 'Devanagari', 'हामी ठूला भाषा मोडेलहरूको लागि नयाँ विधि प्रस्ताव गर्छौं।'],
  [['Bengali', 'Bangla'], 'Bengali', 'আমরা বড় ভাষা মডেলের জন্য ক্যাশে সংকোচনের একটি নতুন পদ্ধতি প্রস্তাব করি।'],
  [['Thai', 'th'], 'Thai', 'เราเสนอวิธีการใหม่ในการบีบอัดแคชสำหรับโมเดลภาษาขนาดใหญ่'],
  [['Georgian'], 'Georgian', 'ჩვენ გთავაზობთ ქეშის შეკუმშვის ახალ მეთოდს დიდი ენობრივი მოდელებისთვის.'],
  [['Armenian'], 'Armenian', 'Մենք առաջարկում ենք քեշի սեղմման նոր մեթոդ մեծ լեզվական մոդելների համար։'],
  [['Tamil'], 'Tamil', 'பெரிய மொழி மாதிரிகளுக்கான புதிய முறையை நாங்கள் முன்மொழிகிறோம்.'],
  [['Telugu'], 'Telugu', 'పెద్ద భాషా నమూనాల కోసం కొత్త పద్ధతిని మేము ప్రతిపాదిస్తున్నాము.'],
  [['Amharic'], 'Ethiopic', 'ለትላልቅ የቋንቋ ሞዴሎች አዲስ ዘዴ እናቀርባለን።'],
  [['Korean', 'ko', '한국어'], 'Hangul', KOREAN],
  [['Japanese', 'ja', '日本語'], 'Han+Kana', JAPANESE],
  [['Chinese', '中文', 'Simplified Chinese', 'Traditional Chinese', 'zh', 'zh-Hant-TW', '繁體中文'], 'Han', CHINESE],
  [['German', 'Deutsch', 'de'], 'Latin', GERMAN],
  [['English', 'en-US'], 'Latin', ENGLISH],
  [
    ['Vietnamese', 'Tiếng Việt'],
    'Latin',
    'Chúng tôi đề xuất một phương pháp mới để nén bộ nhớ đệm cho các mô hình ngôn ngữ lớn.',
  ],
  [['Turkish'], 'Latin', 'Büyük dil modelleri için yeni bir önbellek sıkıştırma yöntemi öneriyoruz.'],
  [['Polish'], 'Latin', 'Proponujemy nową metodę kompresji pamięci podręcznej dla dużych modeli językowych.'],
];

describe('scriptOfLanguage', () => {
  it('should map language names, native names and codes to scripts', () => {
    for (const [names, script] of SAMPLES) {
      for (const name of names) expect(scriptOfLanguage(name), name).toBe(script);
    }
  });

  it('should accept qualified and differently written names', () => {
    expect(scriptOfLanguage('  chinese  ')).toBe('Han');
    expect(scriptOfLanguage('Chinese (Simplified)')).toBe('Han');
    expect(scriptOfLanguage('中文（简体）')).toBe('Han');
    expect(scriptOfLanguage('简体中文')).toBe('Han');
    expect(scriptOfLanguage('zh_CN')).toBe('Han');
    expect(scriptOfLanguage('Brazilian Portuguese')).toBe('Latin');
    expect(scriptOfLanguage('pt-BR')).toBe('Latin');
    expect(scriptOfLanguage('Swiss German')).toBe('Latin');
    expect(scriptOfLanguage('英语')).toBe('Latin');
    expect(scriptOfLanguage('Serbian (Latin)')).toBe('Latin');
    expect(scriptOfLanguage('sr-Latn')).toBe('Latin');
    expect(scriptOfLanguage('Hindi (romanized)')).toBe('Latin');
    expect(scriptOfLanguage('Latin')).toBe('Latin');
    expect(scriptOfLanguage('Punjabi (Gurmukhi)')).toBe('Gurmukhi');
  });

  it('should not guess for unknown, empty, mixed or multi-script names', () => {
    for (const name of ['Klingon', '', 'Serbian', 'Punjabi', 'Kurdish', 'English and Chinese', 'xx', 'no idea']) {
      expect(scriptOfLanguage(name), name).toBe('unknown');
    }
  });
});

describe('checkScript', () => {
  it('should accept each sample in its own script and reject it in English', () => {
    for (const [names, script, text] of SAMPLES) {
      const name = names[0] ?? '';
      expect(checkScript(text, name), name).toMatchObject({ ok: true, expected: script });
      if (script !== 'Latin') expect(checkScript(text, 'English').ok, `${name} as English`).toBe(false);
    }
  });

  it('should still read a Chinese summary full of English terms as Chinese', () => {
    const text = '我们在GPU上用LoRA微调Transformer和LLaMA，对比BERT、GPT-4、ViT、CLIP与Stable Diffusion。';
    const result = checkScript(text, 'Chinese');
    expect(result.ok).toBe(true);
    // 11 Han characters against 10 English terms, each counted once.
    expect(result.share).toBeCloseTo(11 / 21, 5);
  });

  it('should reject a German summary asked as Chinese', () => {
    expect(checkScript(GERMAN, 'Chinese')).toEqual({ ok: false, expected: 'Han', share: 0 });
  });

  it('should reject English with a few Chinese words asked as Chinese', () => {
    const text = 'We propose a new method (新方法) for compressing the KV cache of large language models.';
    expect(checkScript(text, '中文').ok).toBe(false);
  });

  it('should reject a Chinese summary asked as English or Russian', () => {
    expect(checkScript(CHINESE, 'English').ok).toBe(false);
    expect(checkScript(CHINESE, 'Russian').ok).toBe(false);
  });

  it('should require kana for Japanese and reject it for Chinese', () => {
    expect(checkScript(JAPANESE, 'Japanese').ok).toBe(true);
    expect(checkScript(CHINESE, 'Japanese')).toMatchObject({ ok: false, expected: 'Han+Kana' });
    expect(checkScript(JAPANESE, 'Chinese').ok).toBe(false);
  });

  it('should tell Korean from Chinese and Japanese', () => {
    expect(checkScript(KOREAN, 'Chinese').ok).toBe(false);
    expect(checkScript(KOREAN, 'Japanese').ok).toBe(false);
    expect(checkScript(CHINESE, 'Korean').ok).toBe(false);
  });

  it('should reject the wrong non-Latin script', () => {
    const russian = SAMPLES[0]?.[2] ?? '';
    expect(checkScript(russian, 'Greek').ok).toBe(false);
    expect(checkScript(russian, 'Arabic').ok).toBe(false);
  });

  it('should not judge what it cannot', () => {
    expect(checkScript(GERMAN, 'Klingon')).toEqual({ ok: true, expected: 'unknown', share: 1 });
    expect(checkScript('12.5% / 3× / 2024', 'Chinese')).toEqual({ ok: true, expected: 'Han', share: 1 });
    expect(checkScript('', 'Korean').ok).toBe(true);
    // Too short to judge: one English term in a Chinese field.
    expect(checkScript('LoRA', 'Chinese')).toEqual({ ok: true, expected: 'Han', share: 0 });
  });

  it('should ignore digits, punctuation and symbols in the share', () => {
    expect(checkScript('提升12.5%，速度快3×（±0.001）。', 'Chinese')).toEqual({ ok: true, expected: 'Han', share: 1 });
  });
});

describe('summaryLanguageOk', () => {
  const fields = (text: string): SummaryFields => ({
    tldr: text,
    motivation: text,
    method: text,
    result: text,
    conclusion: text,
  });

  it('should check the five fields together', () => {
    expect(summaryLanguageOk(fields(CHINESE), 'Chinese')).toBe(true);
    expect(summaryLanguageOk(fields(ENGLISH), 'Chinese')).toBe(false);
    expect(summaryLanguageOk(fields(ENGLISH), 'Esperanto')).toBe(true);
  });

  it('should accept one English field among four Chinese ones', () => {
    expect(summaryLanguageOk({ ...fields(CHINESE), method: ENGLISH }, 'zh')).toBe(true);
  });

  it('should reject the English placeholder asked as Chinese', () => {
    const placeholder: SummaryFields = {
      tldr: 'Summary generation failed',
      motivation: 'Motivation analysis unavailable',
      method: 'Method extraction failed',
      result: 'Result analysis unavailable',
      conclusion: 'Conclusion extraction failed',
    };
    expect(summaryLanguageOk(placeholder, 'Chinese')).toBe(false);
  });
});
