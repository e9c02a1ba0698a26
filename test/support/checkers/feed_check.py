"""Reads feeds with feedparser (the parser most feed readers' authors test against) and prints one
JSON object per file: what feedparser understood and every problem it reported.

Usage: python3 feed_check.py FILE...   (RSS 2.0, Atom 1.0 and JSON Feed 1.1 are told apart by feedparser)
"""
import json
import sys

import feedparser


def check(path):
    with open(path, 'rb') as f:
        data = f.read()
    d = feedparser.parse(data)
    feed = d.get('feed', {})
    entries = d.get('entries', [])
    problems = []
    if d.get('bozo'):
        problems.append('bozo: %s' % d.get('bozo_exception'))
    if not d.get('version'):
        problems.append('feedparser does not recognise the format')
    missing = {'title': 0, 'link': 0, 'id': 0, 'published_parsed': 0, 'summary': 0}
    for e in entries:
        for key in missing:
            if not e.get(key):
                missing[key] += 1
    # A feed must not be built before what it holds (RSS lastBuildDate / Atom updated).
    built = feed.get('updated_parsed')
    newest = max((e.get('published_parsed') for e in entries if e.get('published_parsed')), default=None)
    if built and newest and built < newest:
        problems.append('the feed is dated %s, before its newest entry (%s)' % (feed.get('updated'), entries[0].get('published')))
    for key, n in missing.items():
        if n:
            problems.append('%d of %d entries without %s' % (n, len(entries), key))
    ids = [e.get('id') for e in entries]
    if len(set(ids)) != len(ids):
        problems.append('%d duplicate entry ids' % (len(ids) - len(set(ids))))
    return {
        'file': path,
        'version': d.get('version'),
        'encoding': d.get('encoding'),
        'bytes': len(data),
        'title': feed.get('title'),
        'link': feed.get('link'),
        'feed_url': next((l.get('href') for l in feed.get('links', []) if l.get('rel') == 'self'), None),
        'updated': feed.get('updated'),
        'entries': len(entries),
        'first_published': entries[0].get('published') if entries else None,
        'problems': problems,
    }


if __name__ == '__main__':
    print(json.dumps([check(p) for p in sys.argv[1:]], ensure_ascii=False))
