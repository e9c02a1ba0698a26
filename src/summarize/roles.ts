/**
 * Rhetorical roles of an abstract's sentences, for the offline summarizer.
 *
 * A small hand-weighted model: each sentence gets a score per role from cue phrases ("we
 * propose", "however", "outperforms", "code is available", their Chinese counterparts), from
 * numbers and comparisons, and from its position; a Viterbi pass then picks the best sequence
 * under transition scores that favour the usual order background → problem → method → result
 * → conclusion while still allowing the common back-steps (a second method after a result, a
 * cited prior work after the question). No learning, no dependencies: the weights are set by
 * hand so that the behaviour can be read and argued about, and the labelled set in
 * test/fixtures/offline-labelled.ts guards against regressions.
 */

export type Role = 'background' | 'problem' | 'method' | 'result' | 'conclusion';

export const ROLES: readonly Role[] = ['background', 'problem', 'method', 'result', 'conclusion'];

const BG = 0;
const PR = 1;
const ME = 2;
const RE = 3;
const CO = 4;

/** One cue: a pattern over the lower-cased sentence and the score it adds to each role. */
interface Cue {
  re: RegExp;
  /** [background, problem, method, result, conclusion] */
  w: readonly [number, number, number, number, number];
}

/** `cue([background, problem, method, result, conclusion], pattern)` */
const cue = (w: Cue['w'], re: RegExp): Cue => ({ re, w });

/**
 * Weights are on a common scale: ~2 is a decisive cue ("we propose"), ~1 a strong hint, ~0.5
 * a weak one. Negative weights keep a cue from voting for roles it rules out (a sentence that
 * says "we propose" is hardly background).
 */
const CUES: readonly Cue[] = [
  // --- what the paper does
  cue(
    [-1.2, -0.4, 2.2, -0.3, -0.5],
    /\b(?:we|this (?:paper|work|study|article|letter|note|research)|the paper|here,? we)(?: (?:first|then|further|also|instead|additionally|next|now|directly|jointly))? (?:propose|present|introduce|develop|design|devise|build|construct|formulate|formalize|define|put forward|describe|extend|adapt|train|fine-tune|implement|reformulate|cast|recast|frame|generalize|collect|curate|create|conduct|perform|fit|use|employ|leverage|apply|combine|compute|simulate|image|model|analy[sz]e|profile|revisit|re-evaluate|survey|characterize|quantify|argue|report a|report an|offer|devise|incorporate|integrate|adopt|utili[sz]e|exploit|instantiate|decompose|parameteri[sz]e|assume|investigate|untangle|fabricate|benchmark)\w*\b/,
  ),
  cue(
    [-0.3, 1.2, 0.6, -0.3, -0.5],
    /\b(?:we|our) (?:study|investigate|consider|examine|explore|address|tackle|ask|focus on)\b/,
  ),
  cue([-0.5, -0.3, 0.6, 0.9, 0], /\bwe (?:derive|establish|give|provide|obtain)\b/),
  cue(
    [-0.8, -0.2, 1.2, -0.3, -0.5],
    /\b(?:in this (?:paper|work|study|article|letter|note|position paper)|to this end|for this purpose|to (?:address|tackle|overcome|bridge|mitigate|alleviate|solve|close|fill|remedy) (?:this|these|the|such))\b/,
  ),
  cue(
    [-0.6, -0.3, 0.6, 0.4, 0.2],
    /\b(?:our|the proposed|the resulting|the new) (?:approach|method|framework|model|algorithm|system|technique|architecture|pipeline|design|scheme|estimator|procedure|tool)\b/,
  ),
  cue(
    [-0.3, -0.2, 0.8, 0, -0.2],
    /\b(?:based on|by (?:using|leveraging|combining|introducing|proposing|designing|developing|exploiting|modeling|casting|treating|learning|training|replacing|randomly)|is introduced|are introduced|consists? of|comprises|composed of|(?:key|main|core) (?:idea|insight|component)|specifically|concretely|which (?:uses|learns|combines|exploits|leverages|asks|monitors|treats|partitions|infers)|dubbed|termed|module|encoder|decoder|loss|regularizer|pretrained|fine-tuned|is (?:processed|trained|fitted|pretrained|updated|solved|stored|used) (?:by|with|on|in|to)|are (?:updated|added|stored|trained|triggered|corrected|processed)|the (?:construction|proof|analysis|argument) (?:is|uses|combines|relies)|(?:argument|analysis|proof|construction) (?:uses|relies|combines)|required|contributions?)\b/,
  ),
  cue([-0.5, -0.3, 0.8, 0, -0.4], /^\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)|^(?:first|second|third|finally|then|next),/),
  // The proposed system as the subject: "It integrates …", "They then condition …", "The model uses …".
  cue(
    [-0.6, -0.4, 1.2, -0.2, -0.4],
    /^(?:it|they|this|these|the (?:model|method|framework|system|approach|encoder|decoder|network|module|pipeline|agent|algorithm|harness|benchmark))(?: (?:then|first|also|further|further|additionally|continuously|jointly))? (?:integrates?|uses?|combines?|consists?|employs?|leverages?|adopts?|introduces?|relies|rely|builds?|learns?|applies|apply|operates?|performs?|factori[sz]es?|condition|conditions|captures?|comprises?|contains?|parses?|decomposes?|dissociates?|utili[sz]es?)\b/,
  ),
  // The authors' own earlier work is context, not this paper's method.
  cue(
    [1.6, 0, -1.4, -0.6, -0.5],
    /\bwe previously\b|\b(?:in (?:that|our previous|our prior|an earlier) (?:study|work|paper))\b|\b(?:the )?previous (?:system|work|study)\b|\b(?:the )?(?:vast )?majority of (?:the )?(?:literature|prior work|existing work)\b|\bthe literature has\b/,
  ),

  // --- the gap
  cue(
    [-0.2, 1.4, -0.3, 0, -0.3],
    /\b(?:however|nevertheless|nonetheless|unfortunately)\b|^(?:yet|but|although|though|despite|while)\b/,
  ),
  cue([0, 0.4, 0, 0.1, 0], /\bbut\b|\byet\b|\bwhereas\b/),
  cue(
    [-0.3, 1.8, -0.3, -0.3, -0.3],
    /\b(?:remains?|remained|is still|are still|still) (?:an? )?(?:challenging|difficult|open|unclear|unknown|elusive|limited|underexplored|unexplored|poorly understood|debated|unsolved|lacking)\b|\bremains? (?:unclear|elusive|open)\b/,
  ),
  cue(
    [0, 1.0, -0.2, -0.2, -0.2],
    /\b(?:lacks?|lacking|limitations?|limited by|limits|suffers?|fails? to|fail on|failing|struggles?|bottlenecks?|prohibitive(?:ly)?|inefficient|insufficient|ignores?|overlooks?|neglects?|challeng(?:e|es|ing)|difficult|difficulty|drawbacks?|vulnerable|brittle|hinders?|hampers?|restricts?|little is known|open (?:question|problem)|not well understood|poorly|rarely|unclear|debated|costly|expensive|biased|violated|collapses?|degrades?|wastes?|inconsistent|conflicting|assumes?|is hard|are hard|do not)\b/,
  ),
  cue([0.3, 0.7, 0, -0.2, -0.2], /\b(?:whether|how to|why do|why does|asked whether|the question)\b|\?$/),
  // A difficulty stated outright is the gap, even in the opening sentence.
  cue(
    [-0.6, 1.0, -0.3, -0.3, -0.3],
    /\b(?:(?:is|are|remains?) (?:a |an )?(?:fundamental |formidable |critical |major |key |open |significant |persistent )*(?:(?:yet|but) [a-z]+ )?(?:challenge|challenging|difficult|bottleneck|obstacle|hurdle)|rarely (?:addressed|studied|explored)|difficult to|hard to|pose[sd]? (?:a )?(?:challenges?|problems?)|ill-posed|remains? (?:largely )?(?:unexplored|unsolved|manual|limited))\b/,
  ),
  cue(
    [0.3, 0.6, -0.2, 0, -0.2],
    /\b(?:existing|prior|previous|current|conventional|traditional|standard|most|common|classical|state-of-the-art) (?:work|works|methods?|approaches|techniques|studies|literature|models|systems|predictors|tools|schedules|analyses|controllers|tools)\b/,
  ),

  // --- context
  cue(
    [1.2, 0, -0.3, -0.2, -0.3],
    /\b(?:has|have) (?:become|emerged|attracted|gained|long|been widely|been extensively|improved|shown promise|sought|achieved remarkable)\b|\b(?:recent(?:ly)?|in recent years|increasingly|widely (?:used|adopted|studied|applied)|popular|ubiquitous|prevalent|are among|is among|is one of|plays? an? (?:important|crucial|key|central|vital|fundamental) role|(?:is|are) (?:a|an) (?:fundamental|central|key|important|core|long-standing|classical|promising)|is central to|are central to|the default|the dominant|the de facto|now used|promise|rely on|relies on|is called|aims to|are usually|is usually|are often used|are known)\b/,
  ),
  cue([0.3, 0.2, 0, 0, 0], /\bsuch as\b|\be\.g\./),
  cue([0.6, 0.2, 0, 0, 0], /\bet al\./),

  // --- findings
  cue(
    [-0.3, -0.3, -0.2, 1.6, 0],
    /\b(?:experiments?|experimental results?|evaluations?|empirical(?:ly)?|simulations?|benchmarks?|ablations?|results?|spectroscopy|measurements?|tests?|analysis|studies|comparisons?) (?:on|across|with|in|show|demonstrate|indicate|reveal|confirm|verify|validate|prove)\w*\b|\b(?:empirically|in simulations|in experiments|numerical experiments|an ablation|extensive experiments)\b/,
  ),
  cue(
    [-0.4, -0.3, -0.1, 1.1, -0.1],
    /\b(?:outperform\w*|surpass\w*|beats?|state[- ]of[- ]the[- ]art|sota|speed-?ups?|orders? of magnitude|up to|by a factor|consistently|significantly|substantially|on par|within \d|matches|matching|reduces? \w+(?: \w+)? by|improves? \w+(?: \w+)? by|lowers? \w+ by|drops? by|raises?|recovers?|reaches?|reached|attains?|achiev\w+|yields?|exceeds?|keeps|loses|stays|takes (?:under|less|about)|preferred|satisfies|confirmed|found|flagged|proved)\b/,
  ),
  cue(
    [-0.2, 0, 0, 0.5, 0],
    /\b(?:better|faster|slower|lower|higher|smaller|larger|wider|narrower|fewer|more than|less than|compared with|compared to|relative to|against|than)\b/,
  ),
  cue(
    [-0.3, -0.1, -0.1, 0.9, -0.2],
    /\d(?:\.\d+)?\s?(?:%|\\%|×|x\b|-fold|times\b|points?\b|dB\b|db\b|fps\b|ms\b|s\b|w\b|mm)|\b\d+\.\d+\b|\b\d+ (?:of|out of) \d+\b|σ|\bp = /,
  ),
  cue(
    [-0.5, -0.3, -0.3, 1.6, -0.2],
    /\bwe (?:(?:further|also|first|then|additionally|empirically|experimentally|consistently) )?(?:show|prove|demonstrate|find|observe|establish that|confirm|verify|validate that|report that|identify that|discover|obtain)\w*\b|\b(?:is|are) (?:exactly|at most|at least|tight|of order|statistically|unconditionally)\b|\b(?:our|the) (?:empirical |experimental |main )?(?:results?|findings|experiments|evaluations?) (?:show|reveal|demonstrate|challenge|confirm|indicate|suggest)\w*\b/,
  ),
  cue(
    [-0.2, -0.2, -0.2, 0.8, 0],
    /\b(?:as a corollary|as an application|in particular|surprisingly|interestingly|notably|the gap (?:is|was)|emerge as|did not|does not|no significant)\b/,
  ),

  // --- implications and releases
  cue(
    [-0.5, -0.5, -0.5, -0.5, 3.0],
    /\b(?:code|data(?:set|base)?s?|models?|implementation|software|benchmarks?|weights|checkpoints|package|tool|patches|predictions|videos|scripts)\b.{0,60}\b(?:is|are|will be|have been|has been)\b.{0,25}\b(?:available|released|open[- ]?sourced?|shared|provided|merged|public)\b/,
  ),
  cue(
    [-0.5, -0.5, -0.3, -0.3, 2.5],
    /\bwe (?:release|open-source|make .{0,40}available|publicly release|have reported)|\bproject page\b|https?:\/\/|github|\bcode (?:to be|will be)\b/,
  ),
  cue(
    [-0.3, -0.3, -0.3, 0.2, 1.8],
    /\b(?:these|our|the) (?:results?|findings|observations|experiments|measurements|analysis|data)\b.{0,30}\b(?:suggest|indicate|highlight|underscore|point|imply|open|pave|call|help|provide|strengthen|confirm|offer|establish)\w*\b/,
  ),
  cue(
    [-0.3, -0.2, -0.3, -0.2, 1.6],
    /\b(?:pav(?:e|es|ing) the way|opens? (?:up )?(?:new|a) (?:avenue|direction|door)|we (?:believe|hope|envision|anticipate|argue that|close|conclude|urge)|future (?:work|research|directions?)|implications?|sheds? light|step toward|promising (?:direction|avenue|step|alternative|tool)|serve as|lays? the (?:foundation|groundwork)|practical path|practical guidance|in conclusion|taken together|points? to|can be (?:deployed|combined|adopted|applied)|could be (?:adopted|used|applied)|is (?:applicable|compatible|particularly suited)|would provide|thus (?:offers?|provides?|serves?)|can thus|should be|call for|support for|support (?:research|the development)|a benchmark for|a unified view|to the community)\b/,
  ),
  cue(
    [-0.3, -0.3, -0.3, -0.3, 1.8],
    /\b(?:this|our|the proposed) (?:work|study|paper|approach|framework|benchmark|dataset|method|analysis|findings) (?:may|might|could|can|will|would) (?:potentially |also |further )?(?:help|enable|benefit|facilitate|inform|guide|serve|support|contribute|inspire|foster)\b/,
  ),
  cue([0, 0, 0, 0.3, 0.4], /\bsuggest(?:s|ing)?\b|\bindicat(?:e|es|ing)\b/),
  cue(
    [-0.2, -0.2, -0.4, 0, 1.0],
    /^(?:overall|in summary|in short|to summari[sz]e|to conclude|altogether),|\b(?:this|our) (?:work|study|paper|analysis|framework|benchmark|approach) (?:offers|provides|establishes|lays|opens|turns)\b.{0,60}\b(?:guidelines?|perspective|insights?|foundation|lens|basis|framework for|controlled benchmark|principled)\b/,
  ),

  // --- Chinese
  cue(
    [1.5, 0, -0.3, -0.3, -0.3],
    /近年来|随着|广泛(?:应用|关注|用于)|受到.{0,6}关注|重要作用|表现出|取得了.{0,6}进展|被广泛/,
  ),
  cue([-0.2, 1.5, -0.3, -0.3, -0.3], /然而|但是|^但|仍然|仍存在|难以|不足|局限|挑战|缺乏|稀缺|瓶颈|制约|开销/),
  cue(
    [-0.8, -0.3, 1.6, -0.2, -0.3],
    /本文提出|我们提出|本研究|本文|提出了|提出一种|设计了|构建了|引入|采用|该方法引入|用于/,
  ),
  cue(
    [-0.3, -0.3, -0.2, 1.6, -0.2],
    /实验表明|结果表明|实验结果|优于|提高了|提高到|提升了|降低了|达到|仅为|仅增加|百分点|倍|尤为明显|贡献最大|保持/,
  ),
  cue(
    [-0.3, -0.3, -0.3, -0.2, 2.2],
    /代码|开源|已公开|公开|提供了.{0,10}(?:方案|思路|途径|参考)|新思路|奠定|重要意义|有效途径|有望|可行方案|这些结果表明/,
  ),
];

/** Score added by position: openings set the scene, endings draw conclusions. */
function positionScores(i: number, n: number): [number, number, number, number, number] {
  const s: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  if (n === 1) return s;
  const r = i / (n - 1);
  if (i === 0) s[BG] += 1.0;
  if (i === 1) s[PR] += 0.4;
  if (r < 0.35) s[BG] += 0.3;
  if (r > 0.25 && r < 0.75) s[ME] += 0.3;
  if (r >= 0.5) s[RE] += 0.3;
  if (i === n - 1) s[CO] += 0.5;
  if (r < 0.5) s[CO] -= 0.8;
  if (r < 0.34) s[RE] -= 0.5;
  return s;
}

/**
 * Transition scores [from][to]: staying or moving one step forward is free, skipping a step
 * costs little, stepping back costs more (but happens: method after result), and nothing
 * follows a conclusion easily.
 */
const TRANSITIONS: readonly (readonly number[])[] = [
  //  bg    pr    me    re    co
  [0.0, 0.0, 0.0, -0.3, -0.8], // from background
  [-0.2, 0.0, 0.0, -0.2, -0.6], // from problem
  [-0.8, -0.3, 0.0, 0.0, -0.1], // from method
  [-1.2, -0.6, -0.4, 0.0, 0.0], // from result
  [-1.5, -1.2, -1.0, -0.6, 0.0], // from conclusion
];
const START: readonly number[] = [0.0, -0.1, -0.2, -0.3, -1.2];

/** The per-role scores of each sentence, before smoothing (for choosing among sentences). */
export function roleScores(sentences: readonly string[]): number[][] {
  const n = sentences.length;
  return sentences.map((sentence, i) => {
    const s = positionScores(i, n);
    const text = sentence.toLowerCase();
    for (const c of CUES) {
      if (c.re.test(text)) for (let r = 0; r < 5; r++) s[r]! += c.w[r]!;
    }
    return s;
  });
}

/** Viterbi over the per-sentence scores with the transition scores above. */
function bestPath(scores: readonly (readonly number[])[]): number[] {
  const n = scores.length;
  if (n === 0) return [];
  const back: number[][] = [];
  let prev = START.map((t, r) => t + scores[0]![r]!);
  for (let i = 1; i < n; i++) {
    const cur: number[] = [];
    const from: number[] = [];
    for (let r = 0; r < 5; r++) {
      let best = -Infinity;
      let arg = 0;
      for (let q = 0; q < 5; q++) {
        const v = prev[q]! + TRANSITIONS[q]![r]!;
        if (v > best) {
          best = v;
          arg = q;
        }
      }
      cur.push(best + scores[i]![r]!);
      from.push(arg);
    }
    back.push(from);
    prev = cur;
  }
  let last = 0;
  for (let r = 1; r < 5; r++) if (prev[r]! > prev[last]!) last = r;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i - 1]![path[i]!]!;
  return path;
}

/** Labels each sentence of one abstract with its role. */
export function labelSentences(sentences: readonly string[]): Role[] {
  return bestPath(roleScores(sentences)).map((r) => ROLES[r]!);
}

/** Both the labels and the raw scores, so callers can rank sentences within a role. */
export function analyzeSentences(sentences: readonly string[]): { roles: Role[]; scores: number[][] } {
  const scores = roleScores(sentences);
  return { roles: bestPath(scores).map((r) => ROLES[r]!), scores };
}
