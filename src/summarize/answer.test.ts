import { describe, expect, it } from 'vitest';
import { looksLikeRefusal, readAnswer, stripReasoning } from './answer.js';

const five = { tldr: 'a', motivation: 'b', method: 'c', result: 'd', conclusion: 'e' };
const json = JSON.stringify(five);

describe('readAnswer', () => {
  it('should accept the five fields as JSON, also in a code fence or wrapped in prose', () => {
    expect(readAnswer(json)).toEqual({ ok: true, fields: five });
    expect(readAnswer('```json\n' + json + '\n```')).toEqual({ ok: true, fields: five });
    expect(readAnswer('Here it is: ' + JSON.stringify({ ...five, extra: 1 }) + ' Done.')).toEqual({
      ok: true,
      fields: five,
    });
  });

  it('should drop reasoning blocks first, braces and draft objects in them included', () => {
    const thoughts = 'The set {x : f(x) > 0} matters. Draft: {"tldr": "draft", "motivation": "x"}';
    expect(readAnswer(`<think>\n${thoughts}\n</think>\n\n${json}`)).toEqual({ ok: true, fields: five });
    expect(readAnswer(`<thinking>${thoughts}</thinking>${json}`)).toEqual({ ok: true, fields: five });
    // A template that opened <think> in the prompt leaves only the closing tag.
    expect(readAnswer(`${thoughts}\n</think>\n${json}`)).toEqual({ ok: true, fields: five });
    // Cut off while still thinking: nothing to read.
    expect(readAnswer(`<think>${thoughts}`)).toEqual({ ok: false, reason: 'only reasoning, no answer' });
    expect(stripReasoning(`<think>a</think> b <think>c</think>`)).toBe('b');
  });

  it('should take the first complete object, whatever prose and braces are around it', () => {
    expect(readAnswer(`${json}\n\nThis summary covers the main points.`)).toEqual({ ok: true, fields: five });
    expect(readAnswer(`Here is the summary {as JSON}:\n\`\`\`json\n${json}\n\`\`\`\nNote: {tldr} is short.`)).toEqual({
      ok: true,
      fields: five,
    });
    // A `}` inside a string does not end the object.
    const tricky = { ...five, method: 'uses the set {a, b} and "quotes" }' };
    expect(readAnswer(`Sure {ok}. ${JSON.stringify(tricky)} bye }`)).toEqual({ ok: true, fields: tricky });
  });

  it('should repair fields as small models write them, locally', () => {
    expect(
      readAnswer(JSON.stringify({ 'TL;DR': 'a', Motivation: 'b', Methods: 'c', Results: 'd', Conclusion: 'e' })),
    ).toEqual({
      ok: true,
      fields: five,
    });
    expect(readAnswer(JSON.stringify({ summary: five }))).toEqual({ ok: true, fields: five });
    expect(readAnswer(JSON.stringify({ name: 'paper_summary', arguments: JSON.stringify(five) }))).toEqual({
      ok: true,
      fields: five,
    });
    expect(readAnswer(JSON.stringify({ ...five, result: ['d1.', 'd2.'] }))).toEqual({
      ok: true,
      fields: { ...five, result: 'd1. d2.' },
    });
    expect(readAnswer(JSON.stringify({ ...five, method: { text: 'c' } }))).toEqual({ ok: true, fields: five });
    expect(
      readAnswer(JSON.stringify(Object.fromEntries(Object.entries(five).map(([k, v]) => [k, `\n  ${v}  \n`])))),
    ).toEqual({
      ok: true,
      fields: five,
    });
  });

  it('should read JSON as models write it: LaTeX backslashes, raw newlines, trailing commas', () => {
    const latex =
      '{"tldr": "a \\alpha", "motivation": "b \\%", "method": "c\nd", "result": "$\\frac{1}{2}$ and \\times 3", "conclusion": "e",}';
    expect(readAnswer(latex)).toEqual({
      ok: true,
      fields: {
        tldr: 'a \\alpha',
        motivation: 'b \\%',
        method: 'c\nd',
        result: '$\\frac{1}{2}$ and \\times 3',
        conclusion: 'e',
      },
    });
  });

  it('should read five labelled lines when there is no JSON at all', () => {
    const text = '**TL;DR:** a\n**Motivation:** b\n- Method: c\nResults: d\nmore d\nConclusion: e';
    expect(readAnswer(text)).toEqual({ ok: true, fields: { ...five, result: 'd more d' } });
  });

  it('should say what is wrong with an unusable answer, never complete a truncated one', () => {
    expect(readAnswer('')).toEqual({ ok: false, reason: 'empty answer' });
    expect(readAnswer('{"tldr": "a", ')).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid JSON/) });
    expect(readAnswer(json.slice(0, -10))).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid JSON/) });
    expect(readAnswer(JSON.stringify({ ...five, method: ' ', result: 3 }))).toEqual({
      ok: false,
      reason: 'method is empty, result is not a string',
    });
    expect(readAnswer(JSON.stringify({ tldr: 'a' }))).toEqual({
      ok: false,
      reason: 'missing motivation, missing method, missing result, missing conclusion',
    });
    // The reason comes from the object that looked like an answer, not from a stray one in prose.
    expect(readAnswer(`{"x": 1} then ${JSON.stringify({ ...five, conclusion: '' })}`)).toEqual({
      ok: false,
      reason: 'conclusion is empty',
    });
    expect(readAnswer('Just prose.')).toMatchObject({ ok: false, reason: expect.stringMatching(/^not JSON/) });
  });
});

describe('looksLikeRefusal', () => {
  it('should recognise refusals written as text, and not summaries', () => {
    expect(looksLikeRefusal("I'm sorry, but I can't help with that.")).toBe(true);
    expect(looksLikeRefusal('<think>hmm {x}</think>I cannot help with that.')).toBe(true);
    expect(looksLikeRefusal('抱歉，我无法处理这个请求。')).toBe(true);
    expect(looksLikeRefusal('This content has not passed the compliance test and has been hidden.')).toBe(true);
    expect(looksLikeRefusal(json)).toBe(false);
    expect(looksLikeRefusal('Sorry-free prose {"tldr": 1}')).toBe(false);
  });
});
