"""Parses raw e-mail messages with Python's standard `email` package (strict default policy) and
prints one JSON object per file: headers that matter to mailbox providers, the MIME structure, the
decoded and encoded size of each part, and every defect the parser found.

Usage: python3 email_check.py FILE.eml...
"""
import json
import sys
from email import policy
from email.parser import BytesParser


def check(path):
    with open(path, 'rb') as f:
        raw = f.read()
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    defects = [type(d).__name__ for d in msg.defects]
    parts = []
    for part in msg.walk():
        defects += [type(d).__name__ for d in part.defects]
        if part.is_multipart():
            continue
        content = part.get_content()
        body = content.encode('utf-8') if isinstance(content, str) else content
        parts.append({
            'type': part.get_content_type(),
            'charset': part.get_content_charset(),
            'transfer_encoding': part.get('Content-Transfer-Encoding'),
            'decoded_bytes': len(body),
            'encoded_bytes': len(part.get_payload(decode=False).encode('ascii', 'replace')),
            'text': content if isinstance(content, str) else None,
        })
    headers = {k: str(msg[k]) for k in ['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version',
                                         'List-Unsubscribe', 'List-Unsubscribe-Post', 'List-Id']
               if msg[k] is not None}
    long_lines = sum(1 for line in raw.split(b'\r\n') if len(line) > 998)
    return {
        'file': path,
        'bytes': len(raw),
        'content_type': msg.get_content_type(),
        'headers': headers,
        'parts': parts,
        'defects': defects,
        'lines_over_998': long_lines,
    }


if __name__ == '__main__':
    print(json.dumps([check(p) for p in sys.argv[1:]], ensure_ascii=False))
