/**
 * Schema migrations, applied in order on open. Each one runs in its own transaction and bumps
 * `PRAGMA user_version`, so a store is always at a known version. Never edit a released
 * migration: add a new one.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Said before the migration runs on a store that has data: it takes a while. */
  notice?: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'papers, announcements, summaries, code links, runs, search index',
    sql: `
      CREATE TABLE papers (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        version INTEGER,
        title TEXT NOT NULL,
        authors TEXT NOT NULL,              -- JSON array of names
        abstract TEXT NOT NULL,
        categories TEXT NOT NULL,           -- JSON array, primary first
        primary_category TEXT NOT NULL,
        categories_partial INTEGER NOT NULL DEFAULT 0,
        comment TEXT,
        journal_ref TEXT,
        doi TEXT,
        published TEXT,
        updated TEXT,
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE announcements (
        date TEXT NOT NULL,
        category TEXT NOT NULL,
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        version INTEGER,
        kind TEXT NOT NULL CHECK (kind IN ('new', 'cross', 'replace', 'replace-cross')),
        position INTEGER NOT NULL,
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (date, category, paper_id)
      ) WITHOUT ROWID;
      CREATE INDEX announcements_by_paper ON announcements(paper_id, date);
      CREATE INDEX announcements_by_day ON announcements(date, position);

      CREATE TABLE summaries (
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        language TEXT NOT NULL,
        summarizer TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'refused', 'pending')),
        tldr TEXT,
        motivation TEXT,
        method TEXT,
        result TEXT,
        conclusion TEXT,
        error TEXT,
        flags TEXT NOT NULL DEFAULT '[]',   -- JSON array, e.g. ["placeholder"]
        tokens_in INTEGER,
        tokens_out INTEGER,
        cost_usd REAL,
        duration_ms INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (status <> 'ok' OR (tldr IS NOT NULL AND motivation IS NOT NULL AND method IS NOT NULL
                                  AND result IS NOT NULL AND conclusion IS NOT NULL))
      );
      -- A rowid table: summary rows are kilobytes, too large for an efficient WITHOUT ROWID b-tree.
      CREATE UNIQUE INDEX summaries_key ON summaries(paper_id, version, language, summarizer, prompt_version);

      CREATE TABLE code_links (
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        stars INTEGER,
        last_update TEXT,
        source TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (paper_id, url)
      ) WITHOUT ROWID;

      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        args TEXT NOT NULL,                 -- JSON
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed')),
        counts TEXT,                        -- JSON
        error TEXT
      );

      -- Full-text index over papers and their ok summaries. rowid = papers.n. CJK text is stored
      -- with a space between characters so that unicode61 indexes every character as a token and
      -- a Chinese phrase query matches any substring.
      CREATE VIRTUAL TABLE search_index USING fts5(
        title, authors, abstract, summaries,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 2,
    name: 'fetch queue for missing metadata, key-value state for harvests',
    sql: `
      -- Papers announced but whose metadata could not be fetched yet; the next fetch asks for
      -- exactly these. A row is removed when the metadata arrives.
      CREATE TABLE fetch_queue (
        paper_id TEXT NOT NULL,
        version INTEGER,
        date TEXT NOT NULL,
        reason TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (paper_id)
      );

      -- Small durable state, e.g. an OAI-PMH resumption token so an interrupted backfill resumes.
      CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'deliveries',
    sql: `
      -- One row per day, channel and target: a re-run sends only what is not 'sent'.
      CREATE TABLE deliveries (
        date TEXT NOT NULL,
        channel TEXT NOT NULL,
        target TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (date, channel, target)
      );
    `,
  },
  {
    version: 4,
    name: 'reader state: favorites and ratings',
    sql: `
      -- What the reader said about a paper; ranking learns from it.
      CREATE TABLE reader_marks (
        paper_id TEXT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        favorite INTEGER NOT NULL DEFAULT 0,
        rating INTEGER NOT NULL DEFAULT 0 CHECK (rating IN (-1, 0, 1)),
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX reader_marks_favorites ON reader_marks(favorite, updated_at);
    `,
  },
  {
    version: 5,
    name: "papers by category and by announcement day, for the web app's filters",
    sql: `
      -- papers.n of each category a paper is in and of each day it was announced, kept by
      -- triggers: search filters and browsing become index ranges instead of a JSON LIKE or an
      -- EXISTS per row (seconds on a 1,000,000-paper store; bench/serve.ts).
      CREATE TABLE paper_categories (
        category TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (category, n)
      ) WITHOUT ROWID;
      CREATE TABLE paper_days (
        date TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (date, n)
      ) WITHOUT ROWID;
      CREATE INDEX paper_days_by_paper ON paper_days (n, date);

      INSERT OR IGNORE INTO paper_categories (category, n)
        SELECT j.value, p.n FROM papers p, json_each(p.categories) j;
      INSERT OR IGNORE INTO paper_days (date, n)
        SELECT a.date, p.n FROM announcements a JOIN papers p ON p.id = a.paper_id;

      CREATE TRIGGER paper_categories_insert AFTER INSERT ON papers BEGIN
        INSERT OR IGNORE INTO paper_categories (category, n) SELECT value, NEW.n FROM json_each(NEW.categories);
      END;
      CREATE TRIGGER paper_categories_update AFTER UPDATE OF categories ON papers BEGIN
        DELETE FROM paper_categories WHERE n = OLD.n AND category IN (SELECT value FROM json_each(OLD.categories));
        INSERT OR IGNORE INTO paper_categories (category, n) SELECT value, NEW.n FROM json_each(NEW.categories);
      END;
      CREATE TRIGGER paper_rows_delete AFTER DELETE ON papers BEGIN
        DELETE FROM paper_categories WHERE n = OLD.n;
        DELETE FROM paper_days WHERE n = OLD.n;
      END;
      CREATE TRIGGER paper_days_insert AFTER INSERT ON announcements BEGIN
        INSERT OR IGNORE INTO paper_days (date, n) SELECT NEW.date, n FROM papers WHERE id = NEW.paper_id;
      END;
      CREATE TRIGGER paper_days_delete AFTER DELETE ON announcements
      WHEN NOT EXISTS (SELECT 1 FROM announcements WHERE paper_id = OLD.paper_id AND date = OLD.date) BEGIN
        DELETE FROM paper_days WHERE date = OLD.date AND n = (SELECT n FROM papers WHERE id = OLD.paper_id);
      END;
    `,
  },
  {
    version: 6,
    name: 'embedding vectors for ranking',
    sql: `
      -- Vectors from the provider's /v1/embeddings, once per paper (or library entry) and model:
      -- ranking asks again every day, the provider is paid once. key = arXiv id or library key.
      CREATE TABLE embeddings (
        key TEXT NOT NULL,
        model TEXT NOT NULL,
        dims INTEGER NOT NULL,
        vector BLOB NOT NULL,               -- float32, little-endian
        created_at TEXT NOT NULL,
        PRIMARY KEY (key, model)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    name: 'search index with prefix lookups',
    notice:
      'rebuilding the search index so that prefix* searches are instant (about a minute per 150,000 papers, once)',
    sql: `
      -- FTS5 answers prefix* queries from these extra index entries instead of merging the
      -- doclists of every word with the prefix (40–100 ms per query on 1,000,000 papers, 0.5 ms
      -- with them; the index grows by about 40 %). Rebuilt, since the option is fixed at creation.
      CREATE VIRTUAL TABLE search_index_v7 USING fts5(
        title, authors, abstract, summaries,
        tokenize = 'porter unicode61 remove_diacritics 2',
        prefix = '3 4 5 6'
      );
      INSERT INTO search_index_v7 (rowid, title, authors, abstract, summaries)
        SELECT rowid, title, authors, abstract, summaries FROM search_index;
      DROP TABLE search_index;
      ALTER TABLE search_index_v7 RENAME TO search_index;
    `,
  },
  {
    version: 8,
    name: 'published days: each imported day keeps its own summaries, category order and metadata',
    sql: `
      -- A summary read from a published day's files belongs to that day: the reference system
      -- summarized a paper again on every day it listed it, and each day published its own text.
      -- '' for our own summaries, which serve every day the paper appears on.
      ALTER TABLE summaries ADD COLUMN day TEXT NOT NULL DEFAULT '';
      DROP INDEX summaries_key;
      CREATE UNIQUE INDEX summaries_key ON summaries(paper_id, version, language, summarizer, prompt_version, day);
      -- Until now an imported summary was the last imported day's (a later day overwrote it).
      UPDATE summaries SET day = coalesce((SELECT max(a.date) FROM announcements a WHERE a.paper_id = summaries.paper_id), '')
        WHERE summarizer = 'imported';

      -- Days whose digest was read from published files (import, or run restoring its own
      -- history): the digest lists only the papers it listed then (the reference left out the
      -- papers it never summarized) plus those summarized since, in the category order it had.
      CREATE TABLE day_digests (
        date TEXT NOT NULL,
        language TEXT NOT NULL,
        category_order TEXT,                -- JSON array from the Markdown's table of contents
        source TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (date, language)
      ) WITHOUT ROWID;

      -- What a published day showed of a paper where it differs from the paper's row (which
      -- holds the newest day's metadata), and the code link the day showed. One row per paper of
      -- an imported day; fields is a JSON object of the differing fields, usually NULL.
      CREATE TABLE day_entries (
        date TEXT NOT NULL,
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        rank INTEGER NOT NULL,              -- richest file that gave the day's metadata (3 enhanced, 2 raw, 1 Markdown)
        fields TEXT,
        code TEXT,                          -- JSON {url, stars, lastUpdate}, 'null' = no code that day, NULL = not known
        PRIMARY KEY (date, paper_id)
      ) WITHOUT ROWID;
      CREATE INDEX day_entries_by_paper ON day_entries(paper_id);
    `,
  },
  {
    version: 9,
    name: 'attempts and the next retry of failed summaries',
    sql: `
      -- Failed summaries heal themselves: a later run tries again, a bounded number of times and
      -- after a growing wait (summarize/retry-policy.ts decides; the store keeps the count).
      ALTER TABLE summaries ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE summaries ADD COLUMN retry_after TEXT;  -- ISO time; NULL = no automatic retry
      -- Failures stored before this version were never retried: one attempt made, due now.
      UPDATE summaries SET attempts = 1, retry_after = updated_at WHERE status IN ('failed', 'refused');
    `,
  },
  {
    version: 10,
    name: 'summary claims',
    sql: `
      -- Which process is summarizing which paper right now, so concurrent summarize and run
      -- processes share a day's papers and each is paid once (summarize/claims.ts). A claim
      -- expires unless its holder renews it; one whose holder died on this host is taken over.
      CREATE TABLE summary_claims (
        paper_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        language TEXT NOT NULL,
        summarizer TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        holder TEXT NOT NULL,               -- host:pid:nonce
        expires_at INTEGER NOT NULL,        -- ms since the epoch
        PRIMARY KEY (paper_id, version, language, summarizer, prompt_version)
      ) WITHOUT ROWID;
      CREATE INDEX summary_claims_holder ON summary_claims(holder);
    `,
  },
];
