// Child process of bench/arxiv.ts: streams a generated OAI-PMH harvest through one parser and
// prints {mb, seconds, records, maxRssMb} as JSON. Run alone so its peak RSS is its own.
// Usage: node bench/oai-stream.mjs <ours|saxes> <megabytes>
import { SaxesParser } from 'saxes';
import { createOaiListRecordsParser } from '../dist/arxiv/oai.js';

const [mode = 'ours', mbArg = '100'] = process.argv.slice(2);
const target = Number(mbArg) * 1024 * 1024;

// One block of realistic arXiv-format records (~1 MB), repeated: generating the text is not
// what we measure, and ids repeating does not matter to a parser.
const record = (
  i,
) => `<record><header><identifier>oai:arXiv.org:2609.${String(10000 + i)}</identifier><datestamp>2026-09-23</datestamp><setSpec>cs</setSpec></header><metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://arxiv.org/OAI/arXiv/ http://arxiv.org/OAI/arXiv.xsd"><id>2609.${String(10000 + i)}</id><created>2026-09-22</created><authors><author><keyname>Lovelace</keyname><forenames>Ada</forenames></author><author><keyname>Turing</keyname><forenames>Alan M.</forenames></author><author><keyname>Noether</keyname><forenames>Emmy</forenames></author></authors><title>Scalable   systems for
 problem ${i}</title><categories>cs.LG cs.DC stat.ML</categories><comments>12 pages, 4 figures</comments><license>http://creativecommons.org/licenses/by/4.0/</license><abstract>  We study problem ${i} &amp; its variants. ${'Large models need careful engineering of memory, compute and communication. '.repeat(14)}
</abstract></arXiv></metadata></record>\n`;
let block = '';
for (let i = 0; block.length < 1024 * 1024; i++) block += record(i);
const head =
  '<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-09-23T00:00:00Z</responseDate><request verb="ListRecords">x</request><ListRecords>\n';
const tail =
  '<resumptionToken cursor="0" completeListSize="1">6960524|1001</resumptionToken></ListRecords></OAI-PMH>\n';

let records = 0;
let write;
let close;
if (mode === 'saxes') {
  const p = new SaxesParser({ xmlns: true });
  p.on('closetag', (t) => {
    if (t.local === 'record') records++;
  });
  write = (s) => p.write(s);
  close = () => p.close();
} else {
  const p = createOaiListRecordsParser({ onRecord: () => records++ });
  write = (s) => p.write(s);
  close = () => p.close();
}

const CHUNK = 64 * 1024;
let bytes = 0;
const t0 = performance.now();
write(head);
while (bytes < target) {
  for (let i = 0; i < block.length; i += CHUNK) write(block.slice(i, i + CHUNK));
  bytes += block.length;
}
write(tail);
close();
const seconds = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify({ mb: bytes / 1024 / 1024, seconds, records, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
