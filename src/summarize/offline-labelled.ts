/**
 * A labelled evaluation set for the offline summarizer: abstracts written for this project in
 * the style of cs, stat, physics and math papers (none is copied from a real paper; names of
 * systems, people and numbers are invented), each sentence tagged with its rhetorical role.
 * The abstract is the sentences joined with one space, and `splitSentences` must give them back
 * exactly (a test checks it), so this set also pins the splitter's hard cases: LaTeX math and
 * `\textbf{…}`, `\%`, decimals, version numbers, "e.g.", "i.e.", "et al.", "cf. Eq.", "approx.",
 * "resp.", "Dr." and initials, code URLs, "(1) … (2) …" lists, and Chinese abstracts.
 *
 * How roles were assigned (one per sentence):
 * - background: context, prior work, why the area matters, with no gap stated;
 * - problem: the gap, limitation or open question the paper addresses, including "we study /
 *   consider <question>" when the sentence names the question but not how it is answered;
 * - method: what the paper proposes, builds, measures or analyses, and how;
 * - result: findings — measured outcomes, proven statements ("we prove that …"), observations;
 * - conclusion: implications, outlook, and releases of code, data or tools.
 *
 * Because the labels and the role model were written by the same hands, accuracy on this set
 * is optimistic; treat it as a regression check, not as a measure on real abstracts. The last
 * eight abstracts were written after the role weights were frozen and scored 90 % (46 of 51
 * sentences) before being added here; nothing was tuned on them.
 */
import type { Role } from './roles.js';

export interface LabelledAbstract {
  title: string;
  sentences: { text: string; role: Role }[];
}

export const LABELLED: LabelledAbstract[] = [
  {
    title: 'CompactMem: Fixed-Size Memory for Long-Video Object Segmentation',
    sentences: [
      {
        role: 'background',
        text: 'Video object segmentation aims to track and delineate target objects across all frames of a video given a mask in the first frame.',
      },
      {
        role: 'background',
        text: 'Memory-based approaches have become the dominant paradigm, storing features of past frames and matching the current frame against them.',
      },
      {
        role: 'problem',
        text: 'However, their memory grows linearly with video length, which makes long videos prohibitively expensive on edge devices.',
      },
      {
        role: 'method',
        text: 'In this paper, we present CompactMem, a fixed-size memory that merges redundant entries through learned token clustering.',
      },
      {
        role: 'method',
        text: 'A lightweight gating module decides, for each incoming frame, whether its features are worth writing to memory at all.',
      },
      {
        role: 'result',
        text: 'On the DAVIS 2017 and YouTube-VOS benchmarks, CompactMem matches the accuracy of the strongest memory-based baseline within 0.4 J&F points while using 6.3× less GPU memory.',
      },
      {
        role: 'result',
        text: 'On a one-hour surveillance clip it runs at 41 fps on a single embedded GPU, where previous methods run out of memory after a few minutes.',
      },
      {
        role: 'conclusion',
        text: 'Code and pretrained models are available at https://github.com/compactmem/compactmem.',
      },
    ],
  },
  {
    title: 'PolyQA: A Natively Written Multilingual Question-Answering Benchmark',
    sentences: [
      {
        role: 'method',
        text: 'We introduce PolyQA, a question-answering benchmark covering 27 languages with questions written natively rather than translated from English.',
      },
      {
        role: 'method',
        text: 'Each question was authored by a native speaker and verified by two independent annotators, yielding 18,400 question-answer pairs.',
      },
      {
        role: 'problem',
        text: 'Translated benchmarks are known to carry cultural assumptions of the source language and to contain translation artifacts that models can exploit.',
      },
      {
        role: 'result',
        text: 'We evaluate 14 open and proprietary large language models and find that accuracy drops by 21 points on average from high-resource to low-resource languages.',
      },
      {
        role: 'result',
        text: 'The gap is substantially larger than on translated benchmarks, suggesting that translation hides much of the multilingual weakness of current models.',
      },
      {
        role: 'result',
        text: 'Surprisingly, model size helps far less than the share of the language in pretraining data.',
      },
      {
        role: 'conclusion',
        text: 'We release the benchmark and evaluation scripts to support research on genuinely multilingual models.',
      },
    ],
  },
  {
    title: 'Convergence of Adam under Generalized Smoothness',
    sentences: [
      {
        role: 'background',
        text: 'Adaptive gradient methods such as Adam are the default optimizers for training deep networks.',
      },
      {
        role: 'problem',
        text: 'Yet their convergence guarantees typically require bounded gradients, an assumption violated by most modern architectures.',
      },
      {
        role: 'method',
        text: 'We analyze Adam under the weaker $(L_0, L_1)$-smoothness condition, which allows the local smoothness to grow with the gradient norm.',
      },
      {
        role: 'result',
        text: 'We prove that with a suitably decaying step size, Adam finds an $\\epsilon$-stationary point within $\\mathcal{O}(\\epsilon^{-4})$ iterations, matching the rate of SGD.',
      },
      {
        role: 'result',
        text: 'We also show that this rate cannot be improved in the worst case by constructing a hard instance in dimension $d = 2$.',
      },
      {
        role: 'method',
        text: 'Our analysis relies on a new potential function that couples the first and second moment estimates.',
      },
      {
        role: 'conclusion',
        text: 'These results help explain why Adam remains stable in settings where its classical analysis does not apply.',
      },
    ],
  },
  {
    title: 'Epitaxial Tantalum Transmons with Reduced Defect Density',
    sentences: [
      {
        role: 'background',
        text: 'Superconducting qubits are among the leading platforms for building a fault-tolerant quantum computer.',
      },
      {
        role: 'problem',
        text: 'Their performance is limited by two-level-system defects in amorphous oxides, whose density is hard to control during fabrication.',
      },
      {
        role: 'method',
        text: 'Here we report a fabrication process that replaces the native aluminium oxide with an epitaxial tantalum film grown on sapphire.',
      },
      {
        role: 'method',
        text: 'We characterize 24 transmon qubits from three wafers using time-domain measurements at 10 mK.',
      },
      {
        role: 'result',
        text: 'The median energy relaxation time reaches $T_1 = 0.38$ ms, an improvement of about 2.4 times over qubits made with our previous process.',
      },
      {
        role: 'result',
        text: 'Spectroscopy shows a defect density reduced by an order of magnitude in the 4–8 GHz band.',
      },
      {
        role: 'conclusion',
        text: 'The process is compatible with standard lithography and could be adopted by other groups without specialized equipment.',
      },
    ],
  },
  {
    title: 'Long Directed Paths in Orientations of Degenerate Graphs of Large Girth',
    sentences: [
      {
        role: 'background',
        text: 'A graph is called $k$-degenerate if every subgraph has a vertex of degree at most $k$.',
      },
      {
        role: 'background',
        text: 'Degeneracy is a classical measure of sparsity with applications in graph coloring and in the design of parameterized algorithms.',
      },
      {
        role: 'problem',
        text: 'Erdős and Hajnal asked whether every graph with large chromatic number contains a subgraph of large minimum degree and large girth, a question that is still open.',
      },
      { role: 'problem', text: 'We consider the analogous question for $k$-degenerate graphs of large girth.' },
      {
        role: 'result',
        text: 'We prove that for every $k \\ge 2$ and $g \\ge 3$ there is a $k$-degenerate graph of girth at least $g$ whose every orientation contains a directed path of length $2^{k}$.',
      },
      {
        role: 'method',
        text: 'The construction is probabilistic and uses a variant of the alteration method together with a careful analysis of short cycles.',
      },
      {
        role: 'result',
        text: 'As a corollary, we obtain a negative answer to a question of Kostochka on acyclic orientations.',
      },
    ],
  },
  {
    title: 'Tidal: Bandwidth-Aware Pipeline Placement for Large-Scale Training',
    sentences: [
      {
        role: 'background',
        text: 'Training large models requires splitting computation across thousands of accelerators connected by a hierarchical network.',
      },
      {
        role: 'problem',
        text: 'Existing pipeline-parallel schedules assume homogeneous links and therefore leave up to a third of the devices idle when bandwidth varies between racks.',
      },
      {
        role: 'method',
        text: 'We present Tidal, a scheduler that treats pipeline placement as a min-cost flow problem over a measured bandwidth graph.',
      },
      {
        role: 'method',
        text: 'Tidal re-plans online when it detects stragglers, migrating only the stages whose placement changes.',
      },
      {
        role: 'result',
        text: 'On a 512-GPU cluster, Tidal improves training throughput of a 70B-parameter model by 27% over Megatron-LM and by 14% over the best hand-tuned placement.',
      },
      {
        role: 'result',
        text: 'Re-planning takes under 2 s and recovers 90% of the lost throughput after a link degradation.',
      },
    ],
  },
  {
    title: 'Jackknife Instrumental Variable Estimation with Many Weak Instruments',
    sentences: [
      {
        role: 'background',
        text: 'Instrumental variables are widely used to estimate causal effects in the presence of unmeasured confounding.',
      },
      {
        role: 'problem',
        text: 'When instruments are weak, standard two-stage least squares estimates are biased and confidence intervals undercover, a problem that is common in Mendelian randomization studies.',
      },
      {
        role: 'method',
        text: 'We propose a jackknife-based estimator that removes the leading bias term without requiring the number of instruments to be fixed.',
      },
      {
        role: 'method',
        text: 'We also derive a variance estimator that remains consistent under many weak instruments and heteroskedastic errors.',
      },
      {
        role: 'result',
        text: 'In simulations, the resulting confidence intervals attain coverage between 93.1% and 95.4% across all settings, whereas two-stage least squares falls below 60% in the weakest designs.',
      },
      {
        role: 'result',
        text: 'Applied to data from the UK Biobank, the method yields a smaller and more plausible effect of body mass index on blood pressure than previous analyses.',
      },
      { role: 'conclusion', text: 'An R package implementing the estimator is available on CRAN.' },
    ],
  },
  {
    title: '基于一致性蒸馏的扩散模型快速采样方法',
    sentences: [
      { role: 'background', text: '近年来，扩散模型在图像生成任务中取得了显著进展。' },
      { role: 'problem', text: '然而，现有方法的采样过程通常需要数百步迭代，推理速度较慢，难以满足实时应用的需求。' },
      { role: 'method', text: '为此，本文提出了一种基于一致性蒸馏的快速采样方法，只需四步即可生成高质量图像。' },
      { role: 'method', text: '该方法引入了一个轻量级的误差校正模块，用于补偿蒸馏过程中累积的误差。' },
      { role: 'result', text: '在ImageNet 256×256上的实验表明，所提方法的FID达到2.91，推理速度比原始模型快约25倍。' },
      { role: 'conclusion', text: '代码已在GitHub上开源。' },
    ],
  },
  {
    title: 'Catching Malicious Updates of Browser Extensions by Differential Analysis',
    sentences: [
      {
        role: 'background',
        text: 'Browser extensions have broad access to the pages a user visits, including passwords and session cookies.',
      },
      {
        role: 'problem',
        text: 'Although extension stores review submissions, malicious updates to previously benign extensions frequently slip through.',
      },
      {
        role: 'method',
        text: 'We design a differential analysis that compares consecutive versions of an extension and flags newly introduced data flows from sensitive page elements to network sinks.',
      },
      {
        role: 'method',
        text: 'The analysis combines static taint tracking with a small amount of dynamic execution to resolve obfuscated code.',
      },
      {
        role: 'result',
        text: 'Applied to 94,000 version pairs collected over two years, it flagged 312 updates, of which manual inspection confirmed 287 as malicious, a precision of 92%.',
      },
      {
        role: 'result',
        text: 'More than half of these updates had remained in the store for over a month before removal.',
      },
      {
        role: 'conclusion',
        text: 'We have reported all confirmed cases to the store operators, and our findings call for version-aware review of extension updates.',
      },
    ],
  },
  {
    title: 'Morphology of Repeating and Non-Repeating Fast Radio Bursts',
    sentences: [
      {
        role: 'background',
        text: 'Fast radio bursts are millisecond-duration radio transients of extragalactic origin.',
      },
      {
        role: 'problem',
        text: 'A small fraction of them repeat, and whether repeaters and apparent non-repeaters form distinct populations is debated.',
      },
      {
        role: 'method',
        text: 'We analyze 1,652 bursts detected by a wide-field interferometer over four years, using a uniform pipeline to measure widths, bandwidths and drift rates.',
      },
      {
        role: 'result',
        text: 'Repeating sources produce bursts that are on average 2.1 times wider and have 40% narrower bandwidths than one-off events.',
      },
      {
        role: 'result',
        text: 'The distributions of dispersion measure, however, are statistically indistinguishable between the two groups (p = 0.62).',
      },
      {
        role: 'conclusion',
        text: 'These results suggest that the emission mechanism, rather than the local environment, differs between the populations.',
      },
    ],
  },
  {
    title: 'SpecCheck: Specification-First Program Repair with Language Models',
    sentences: [
      {
        role: 'background',
        text: 'Large language models (LLMs) can generate plausible patches for many software bugs.',
      },
      {
        role: 'problem',
        text: 'However, a plausible patch that passes the available tests is often incorrect, because test suites rarely specify the intended behavior completely.',
      },
      {
        role: 'method',
        text: 'We propose SpecCheck, which asks the model to write a natural-language specification of the fix before generating it and then cross-checks the patch against the specification with additional generated tests.',
      },
      {
        role: 'result',
        text: 'On Defects4J v2.0, SpecCheck raises the share of correct patches among plausible ones from 61.2% to 78.9%.',
      },
      {
        role: 'result',
        text: 'It also reduces the number of candidate patches a developer needs to inspect by a factor of three.',
      },
      { role: 'result', text: 'An ablation shows that the specification step alone accounts for most of the gain.' },
      {
        role: 'conclusion',
        text: 'Our results indicate that making intent explicit is a cheap and effective way to improve the reliability of automated repair.',
      },
    ],
  },
  {
    title: 'Pseudogap Continuity in Magic-Angle Twisted Bilayer Graphene',
    sentences: [
      {
        role: 'background',
        text: 'Twisted bilayer graphene hosts flat electronic bands near the magic angle of about 1.1°.',
      },
      {
        role: 'background',
        text: 'These bands give rise to correlated insulating states and unconventional superconductivity.',
      },
      {
        role: 'problem',
        text: 'How the two phases are related remains unclear, partly because transport experiments probe them only indirectly.',
      },
      {
        role: 'method',
        text: 'We use scanning tunneling spectroscopy at 400 mK to map the local density of states across the phase diagram of a single device.',
      },
      {
        role: 'result',
        text: 'We observe a pseudogap that persists well above the superconducting transition temperature and evolves continuously into the insulating gap as the filling is varied.',
      },
      {
        role: 'conclusion',
        text: 'This continuity points to a common origin of both phases in strong electronic correlations.',
      },
    ],
  },
  {
    title: 'Replay-Free Continual Learning with Task-Agnostic Prototypes',
    sentences: [
      {
        role: 'method',
        text: 'This paper introduces a framework for continual learning in which the model maintains a small set of task-agnostic prototypes instead of replaying stored examples.',
      },
      {
        role: 'method',
        text: 'Prototypes are updated by an exponential moving average of the features assigned to them, and classification is performed by a nearest-prototype rule in a learned metric space.',
      },
      {
        role: 'method',
        text: 'We further derive a regularizer that keeps the metric stable across tasks without access to old data.',
      },
      {
        role: 'problem',
        text: 'Replay-based methods are effective but raise privacy concerns and scale poorly with the number of tasks.',
      },
      {
        role: 'method',
        text: 'We describe the training procedure in detail and discuss its computational cost, which is linear in the number of prototypes.',
      },
      {
        role: 'conclusion',
        text: 'We believe the approach is particularly suited to on-device learning, where storing user data is undesirable.',
      },
    ],
  },
  {
    title: 'Lattice QCD Calculation of the Intermediate-Window Contribution to the Muon g-2',
    sentences: [
      {
        role: 'background',
        text: 'The anomalous magnetic moment of the muon is one of the most precisely measured quantities in particle physics.',
      },
      {
        role: 'problem',
        text: 'The theoretical prediction is limited by the hadronic vacuum polarization contribution, for which lattice and data-driven determinations disagree by about 2σ.',
      },
      {
        role: 'method',
        text: 'We compute the intermediate-window contribution with lattice QCD using four lattice spacings and physical quark masses.',
      },
      {
        role: 'method',
        text: 'Finite-volume effects are corrected with a model-independent method based on the timelike pion form factor.',
      },
      {
        role: 'result',
        text: 'We obtain $a_\\mu^{\\mathrm{W}} = 236.9(1.1) \\times 10^{-10}$, in agreement with other recent lattice results and 3.8σ above the data-driven estimate.',
      },
      {
        role: 'conclusion',
        text: 'Our result strengthens the case that the tension lies in the experimental inputs to the data-driven approach rather than in the lattice calculations.',
      },
    ],
  },
  {
    title: 'Legged Locomotion on Deformable Terrain with an Online Terrain Model',
    sentences: [
      { role: 'background', text: 'Legged robots can traverse terrain that is inaccessible to wheeled platforms.' },
      {
        role: 'problem',
        text: 'Yet controllers trained in simulation often fail on deformable ground such as sand or snow, which simulators model poorly.',
      },
      {
        role: 'method',
        text: 'We train a locomotion policy with a learned terrain model that is fitted online from proprioceptive history, i.e. joint positions, velocities and torques.',
      },
      {
        role: 'method',
        text: 'The terrain model is pretrained on a dataset of foot-ground interactions generated with a particle-based simulator and then frozen during policy training.',
      },
      {
        role: 'result',
        text: 'In outdoor tests on sand, gravel and 20 cm of snow, the policy achieved a success rate of 94% compared with 57% for a policy trained on rigid terrain.',
      },
      { role: 'result', text: 'It also reduced the cost of transport by 18% on sand.' },
      { role: 'conclusion', text: 'Videos are available on the project website.' },
    ],
  },
  {
    title: 'Nearest-Neighbor Gaussian Processes with Provable Accuracy',
    sentences: [
      {
        role: 'background',
        text: 'Gaussian processes provide calibrated uncertainty estimates, which makes them attractive for Bayesian optimization and active learning.',
      },
      {
        role: 'problem',
        text: 'Their cubic cost in the number of observations, however, restricts exact inference to a few thousand points.',
      },
      {
        role: 'problem',
        text: 'Sparse variational approximations reduce the cost but tend to underestimate predictive variance far from the inducing points.',
      },
      {
        role: 'method',
        text: 'We propose a nearest-neighbor approximation in which each observation is conditioned only on its $m$ closest predecessors in a randomized ordering.',
      },
      {
        role: 'result',
        text: 'We prove that the Kullback–Leibler divergence to the exact posterior decays exponentially in $m$ for Matérn kernels with smoothness $\\nu > 1/2$.',
      },
      {
        role: 'result',
        text: 'Empirically, with $m = 30$ the method matches exact GP predictions on datasets of up to $10^7$ points and trains in under ten minutes on a single CPU.',
      },
    ],
  },
  {
    title: '基于工具调用的大语言模型自我验证推理',
    sentences: [
      { role: 'background', text: '大语言模型在多种自然语言处理任务上表现出强大的能力。' },
      { role: 'problem', text: '但在需要多步推理的数学问题上，模型仍然容易产生计算错误和逻辑跳跃。' },
      {
        role: 'method',
        text: '本文提出一种自我验证的推理框架，模型在生成每个推理步骤后，会调用外部计算工具对中间结果进行检验。',
      },
      { role: 'method', text: '当检验失败时，模型回退到上一步并重新生成。' },
      { role: 'result', text: '在GSM8K和MATH数据集上，该框架分别将准确率提高了6.2和9.8个百分点。' },
      { role: 'result', text: '消融实验表明，回退机制对性能提升的贡献最大。' },
      { role: 'conclusion', text: '这些结果表明，显式的中间验证是提升大模型推理可靠性的有效途径。' },
    ],
  },
  {
    title: 'DriftCE: Drift-Aware Learned Cardinality Estimation',
    sentences: [
      {
        role: 'background',
        text: 'Learned cardinality estimators promise more accurate query plans than the histograms used by traditional optimizers.',
      },
      {
        role: 'problem',
        text: 'In practice, they degrade sharply when the data or the workload drifts after training, and retraining them is expensive.',
      },
      {
        role: 'method',
        text: 'We present DriftCE, which monitors estimation errors at run time and updates only the affected parts of a factorized model.',
      },
      { role: 'method', text: 'Updates are triggered by a sequential test that bounds the rate of false alarms.' },
      {
        role: 'result',
        text: 'On the JOB and STATS benchmarks with injected drift, DriftCE keeps the 95th-percentile q-error below 10 while a static model exceeds 10^3.',
      },
      {
        role: 'result',
        text: "End-to-end query latency improves by 1.7× on average relative to PostgreSQL's default estimator.",
      },
      { role: 'result', text: 'Each update takes less than 300 ms.' },
    ],
  },
  {
    title: 'Mixing Time of Random Walk on Supercritical Dynamical Percolation',
    sentences: [
      {
        role: 'background',
        text: 'Random walks on dynamical percolation model a particle moving through an environment that changes over time.',
      },
      {
        role: 'problem',
        text: 'We study the mixing time of such walks on the $d$-dimensional torus when edges refresh at rate $\\mu$.',
      },
      {
        role: 'background',
        text: 'Previous work by Peres, Stauffer and Steif determined the mixing time in the subcritical regime.',
      },
      {
        role: 'result',
        text: 'We prove that in the supercritical regime the mixing time is of order $n^2/\\mu$ up to logarithmic factors, which is the same as for a walk on the full lattice slowed down by the refresh rate.',
      },
      {
        role: 'method',
        text: 'The proof combines a multiscale renormalization argument with a new estimate on the time the walker spends inside small clusters.',
      },
      { role: 'result', text: 'We also establish a matching lower bound for the spectral gap.' },
      { role: 'conclusion', text: 'Our results confirm a conjecture of Peres, Stauffer and Steif.' },
    ],
  },
  {
    title: 'Temporally Consistent Monocular Video Depth',
    sentences: [
      { role: 'background', text: 'Monocular depth estimation has improved rapidly with large-scale pretraining.' },
      {
        role: 'problem',
        text: 'However, current models produce depth maps that are inconsistent across frames of a video, causing flicker in downstream applications such as augmented reality.',
      },
      { role: 'method', text: 'We make three contributions.' },
      {
        role: 'method',
        text: '(1) We propose a temporal attention layer that can be inserted into any pretrained depth network without retraining its backbone.',
      },
      {
        role: 'method',
        text: '(2) We introduce a self-supervised consistency loss based on optical flow that requires no ground-truth depth.',
      },
      { role: 'method', text: '(3) We collect a benchmark of 1,200 handheld videos with LiDAR ground truth.' },
      {
        role: 'result',
        text: 'Our model reduces temporal inconsistency by 43% while preserving per-frame accuracy, and runs at 30 fps on a mobile phone.',
      },
    ],
  },
  {
    title: 'A Format-Agnostic Sparse Matrix Multiplication Accelerator',
    sentences: [
      {
        role: 'background',
        text: 'Sparse matrix multiplication dominates the runtime of graph analytics and scientific simulations.',
      },
      {
        role: 'problem',
        text: 'General-purpose processors achieve low utilization on it because of irregular memory accesses, and existing accelerators support only a single sparse format.',
      },
      {
        role: 'method',
        text: 'We propose a format-agnostic accelerator that decodes compressed rows and columns on the fly using a programmable index unit.',
      },
      {
        role: 'method',
        text: 'A merge network with 64 lanes combines partial products without writing them to off-chip memory.',
      },
      { role: 'result', text: 'Synthesized in a 7 nm process, the design occupies 4.2 mm² and consumes 3.1 W.' },
      {
        role: 'result',
        text: 'It achieves a geometric-mean speedup of 9.6× over a 32-core CPU and 2.3× over the best prior accelerator across 40 matrices from SuiteSparse.',
      },
    ],
  },
  {
    title: 'Momentum Control Variates for Heterogeneous Federated Learning',
    sentences: [
      {
        role: 'background',
        text: 'Federated learning trains a shared model on data that stays on clients, e.g. phones or hospitals.',
      },
      {
        role: 'background',
        text: 'McMahan et al. showed that averaging local updates works well when client data are similar.',
      },
      {
        role: 'problem',
        text: 'When client distributions differ, however, local models drift apart and the averaged model converges slowly or to a poor solution.',
      },
      {
        role: 'method',
        text: "We propose to correct each local update with a control variate estimated from the server's momentum, which requires no extra communication.",
      },
      {
        role: 'result',
        text: 'On FEMNIST, CIFAR-10 with Dirichlet partitions and a medical imaging task, our method reaches the target accuracy in 2–5× fewer rounds than FedAvg and SCAFFOLD.',
      },
      { role: 'result', text: 'Its final accuracy is within 1% of centralized training in all settings.' },
      { role: 'conclusion', text: 'Our implementation is available at https://github.com/fl-lab/momentum-cv.' },
    ],
  },
  {
    title: 'Predicting Equivalent Sand-Grain Roughness from Surface Statistics',
    sentences: [
      { role: 'background', text: 'Turbulent flows over rough walls are ubiquitous in engineering and geophysics.' },
      {
        role: 'problem',
        text: 'Predicting the drag they induce requires the equivalent sand-grain roughness, which cannot be inferred from the surface geometry alone and must be measured for each surface.',
      },
      {
        role: 'method',
        text: 'We perform direct numerical simulations of channel flow over 120 irregular surfaces generated from a broad family of spectra.',
      },
      {
        role: 'method',
        text: 'The resulting database is used to train a Gaussian process regression model that maps surface statistics to equivalent roughness.',
      },
      {
        role: 'result',
        text: 'The model predicts equivalent roughness with a mean error of 7.5%, against 25% to 40% for existing empirical correlations.',
      },
      { role: 'result', text: 'Skewness and effective slope emerge as the most informative surface statistics.' },
      {
        role: 'conclusion',
        text: 'The database is openly shared to support the development of improved roughness models.',
      },
    ],
  },
  {
    title: 'LLM Judges Are Measurement Instruments',
    sentences: [
      {
        role: 'background',
        text: 'Evaluation of text generation increasingly relies on large language models acting as judges.',
      },
      {
        role: 'problem',
        text: "This practice is convenient, but it introduces biases that are poorly documented and difficult to detect, such as preferences for longer answers or for outputs of the judge's own model family.",
      },
      {
        role: 'method',
        text: 'In this position paper, we argue that LLM judges should be treated as measurement instruments and held to the same standards of validity and reliability.',
      },
      {
        role: 'method',
        text: 'We survey 112 recent papers that use LLM judges and categorize how they report judge configuration, agreement with humans and known biases.',
      },
      {
        role: 'result',
        text: 'Only 23% report agreement with human annotators, and fewer than 10% test for any known bias.',
      },
      {
        role: 'conclusion',
        text: 'We close with a checklist of reporting practices that we hope will make results based on LLM judges easier to interpret and compare.',
      },
    ],
  },
  {
    title: 'Angular-Difference Feedback for FDD Massive MIMO',
    sentences: [
      {
        role: 'background',
        text: 'Massive MIMO systems rely on accurate channel state information to form beams toward users.',
      },
      {
        role: 'problem',
        text: 'Acquiring this information in frequency-division duplex mode requires feedback whose overhead grows with the number of antennas.',
      },
      {
        role: 'method',
        text: 'We propose a feedback scheme in which users quantize only the angular components of the channel that change between frames, using a codebook learned with a variational autoencoder.',
      },
      {
        role: 'result',
        text: 'Simulations with the 3GPP urban macro channel model show that the scheme reduces feedback overhead by 58% at the same beamforming gain.',
      },
      {
        role: 'result',
        text: 'At high mobility, i.e. 120 km/h, the gain shrinks to 21%, because angular components change faster than the frame rate.',
      },
      { role: 'conclusion', text: 'The scheme can be deployed with existing codebook-based feedback signaling.' },
    ],
  },
  {
    title: 'Antisymmetric Fine-Tuning of Protein Language Models for Stability Prediction',
    sentences: [
      {
        role: 'background',
        text: 'Predicting how mutations affect protein stability is central to protein engineering.',
      },
      {
        role: 'problem',
        text: 'Current predictors are trained on a few thousand experimental measurements that are biased toward destabilizing mutations, and they generalize poorly to new protein families.',
      },
      {
        role: 'method',
        text: 'We fine-tune a protein language model on 700,000 stability measurements from mega-scale cDNA display experiments, holding out entire families for testing.',
      },
      {
        role: 'method',
        text: 'To correct the bias toward destabilizing mutations, we train on antisymmetric pairs of forward and reverse mutations.',
      },
      {
        role: 'result',
        text: 'On held-out families, the model reaches a Spearman correlation of 0.71, compared with 0.52 for the best physics-based method.',
      },
      {
        role: 'result',
        text: 'Predictions for reverse mutations are antisymmetric by construction, whereas previous models violate antisymmetry by up to 1.5 kcal/mol on average.',
      },
      {
        role: 'conclusion',
        text: 'Model weights and predictions for all single mutants of 12,000 proteins are released to the community.',
      },
    ],
  },
  {
    title: '结合图神经网络与优先级规划的大规模多智能体路径规划',
    sentences: [
      { role: 'background', text: '多智能体路径规划在仓储物流和自动驾驶等领域有着广泛应用。' },
      { role: 'problem', text: '现有的基于搜索的方法在智能体数量较多时计算开销急剧增加，难以在线使用。' },
      { role: 'method', text: '本文提出一种结合图神经网络与优先级规划的混合方法。' },
      { role: 'method', text: '图神经网络用于预测智能体之间的冲突概率，并据此确定规划顺序。' },
      { role: 'result', text: '在包含1000个智能体的仿真仓库中，该方法的求解成功率达到98.5%，平均计算时间仅为0.8秒。' },
      { role: 'result', text: '与最优求解器相比，路径总长度仅增加了3.2%。' },
      { role: 'conclusion', text: '该方法为大规模多智能体系统的实时调度提供了一种可行方案。' },
    ],
  },
  {
    title: 'AdaPatch: Content-Adaptive Tokenization for Vision Transformers',
    sentences: [
      {
        role: 'background',
        text: 'Vision transformers split an image into a fixed grid of patches, regardless of its content.',
      },
      {
        role: 'problem',
        text: 'This wastes computation on uniform regions such as sky or walls, while small objects are covered by too few tokens.',
      },
      {
        role: 'method',
        text: 'We propose \\textbf{AdaPatch}, which partitions an image into patches of varying size with a quadtree guided by a cheap saliency estimate.',
      },
      {
        role: 'method',
        text: 'The resulting variable-length token sequence is processed by a standard transformer with a size-aware positional encoding.',
      },
      {
        role: 'result',
        text: 'On ImageNet-1k, AdaPatch reduces FLOPs by 38\\% at equal top-1 accuracy compared with DeiT-S.',
      },
      { role: 'result', text: 'On COCO, it improves small-object AP by 2.7 points.' },
      {
        role: 'conclusion',
        text: 'Because it changes only the tokenizer, AdaPatch can be combined with most existing efficient-attention methods.',
      },
    ],
  },
  {
    title: 'Fast Hierarchical-Matrix Solvers for Time-Fractional Diffusion',
    sentences: [
      {
        role: 'background',
        text: 'Fractional diffusion equations arise in models of anomalous transport in porous media and biological tissue.',
      },
      {
        role: 'problem',
        text: 'Their nonlocal operators lead to dense matrices, so standard finite element discretizations cost $\\mathcal{O}(N^2)$ operations per time step.',
      },
      {
        role: 'method',
        text: 'We develop a discretization based on a hierarchical matrix representation of the stiffness matrix combined with a sum-of-exponentials approximation of the time-fractional kernel.',
      },
      {
        role: 'result',
        text: 'We prove that the scheme is unconditionally stable and converges with order $2-\\alpha$ in time, where $\\alpha \\in (0,1)$ is the fractional order.',
      },
      {
        role: 'result',
        text: 'Numerical experiments in two and three dimensions confirm the predicted rates and show a cost of $\\mathcal{O}(N \\log^2 N)$ per step.',
      },
    ],
  },
  {
    title: 'Learning to Program with an AI Assistant: A Randomized Controlled Study',
    sentences: [
      {
        role: 'background',
        text: 'Programming assistants based on large language models are now used by millions of developers.',
      },
      {
        role: 'problem',
        text: 'Little is known about how novices, who may lack the expertise to judge generated code, learn when such assistants are available.',
      },
      {
        role: 'method',
        text: 'We conducted a randomized controlled study with 164 students in an introductory programming course, half of whom had access to an assistant during weekly exercises.',
      },
      {
        role: 'result',
        text: 'Students with access completed exercises 35% faster but scored 11 points lower on a final exam taken without assistance.',
      },
      { role: 'result', text: 'The gap was largest for students who accepted suggestions without modification.' },
      {
        role: 'conclusion',
        text: 'Our findings suggest that educators should pair such tools with activities that require students to explain or modify generated code.',
      },
    ],
  },
  {
    title: 'Where Does QUIC Spend Its Cycles?',
    sentences: [
      { role: 'background', text: 'QUIC is replacing TCP as the transport of choice for web traffic.' },
      {
        role: 'problem',
        text: 'Its user-space implementations, however, consume considerably more CPU per byte than kernel TCP, which matters for content delivery networks serving terabits per second.',
      },
      {
        role: 'method',
        text: 'We profile three widely deployed QUIC stacks (quiche 0.20.1, msquic 2.3 and ngtcp2 1.4) and identify packet encryption and acknowledgment processing as the dominant costs.',
      },
      {
        role: 'method',
        text: 'We then implement batched encryption with segmentation offload and an acknowledgment-frequency extension in ngtcp2.',
      },
      {
        role: 'result',
        text: 'These changes reduce CPU usage by 2.6× at 10 Gb/s, bringing QUIC within 15% of TCP with TLS.',
      },
      { role: 'conclusion', text: 'Our patches have been merged upstream.' },
    ],
  },
  {
    title: 'Model-Based Trajectory Stitching for Offline Reinforcement Learning',
    sentences: [
      {
        role: 'background',
        text: 'Offline reinforcement learning learns policies from fixed datasets without further interaction with the environment.',
      },
      {
        role: 'problem',
        text: 'Most methods constrain the learned policy to stay close to the behavior policy, which prevents it from improving much on poor-quality data.',
      },
      {
        role: 'method',
        text: 'We introduce a trajectory-stitching approach that uses a learned dynamics model to connect fragments of different trajectories into new, higher-return ones.',
      },
      {
        role: 'method',
        text: 'The stitched trajectories are added to the dataset, and any standard offline algorithm is then trained on the augmented data.',
      },
      {
        role: 'result',
        text: 'On the D4RL benchmark, stitching improves the normalized score of IQL from 62.4 to 74.1 on the medium-replay datasets and matches its performance elsewhere.',
      },
      { role: 'result', text: 'Training is also 3x faster than model-based alternatives that plan at every step.' },
    ],
  },
  {
    title: '二维/三维异质结钝化提升钙钛矿太阳能电池的湿热稳定性',
    sentences: [
      { role: 'background', text: '钙钛矿太阳能电池因其高光电转换效率和低制备成本而受到广泛关注。' },
      { role: 'problem', text: '然而，器件在湿热环境下的稳定性不足，严重制约了其商业化应用。' },
      { role: 'method', text: '本研究采用二维/三维异质结构对钙钛矿薄膜表面进行钝化处理。' },
      { role: 'result', text: '结果表明，经处理的器件光电转换效率达到24.3%。' },
      { role: 'result', text: '在85℃和85%相对湿度条件下老化1000小时后，仍保持初始效率的92%。' },
      { role: 'conclusion', text: '该策略为制备高效稳定的钙钛矿太阳能电池提供了新思路。' },
    ],
  },
  {
    title: 'Revisiting Sequential Recommendation under a Fair Protocol',
    sentences: [
      {
        role: 'background',
        text: 'Sequential recommenders predict the next item a user will interact with from the history of their interactions.',
      },
      {
        role: 'background',
        text: 'Transformer-based models such as SASRec and BERT4Rec are the state of the art on standard benchmarks.',
      },
      {
        role: 'problem',
        text: 'Recent reproducibility studies have found, however, that many reported gains vanish when baselines are properly tuned.',
      },
      {
        role: 'method',
        text: 'We re-evaluate nine sequential recommenders on six datasets with a common protocol, full ranking instead of sampled metrics, and an equal tuning budget for every model.',
      },
      {
        role: 'result',
        text: 'Under this protocol, a well-tuned SASRec outperforms all six more recent models on five of the six datasets.',
      },
      { role: 'result', text: 'Sampled metrics changed the ranking of models in 40% of the comparisons.' },
      {
        role: 'conclusion',
        text: 'We release our configuration files and urge authors to report full-ranking metrics.',
      },
    ],
  },
  {
    title: 'Rational Points on Cubic Surfaces Containing a Rational Line',
    sentences: [
      {
        role: 'result',
        text: 'We prove that the number of rational points of height at most $B$ on a smooth cubic surface over $\\mathbb{Q}$ with a rational line is $\\ll B (\\log B)^{3}$.',
      },
      {
        role: 'background',
        text: "This bound is consistent with Manin's conjecture, which predicts an asymptotic of the form $c B (\\log B)^{\\rho - 1}$ with $\\rho \\le 7$.",
      },
      {
        role: 'method',
        text: 'Our argument uses the conic bundle structure induced by the line and a uniform estimate for the number of points on conics.',
      },
      {
        role: 'result',
        text: 'The implied constant depends only on the coefficients of the defining form, and we make this dependence explicit.',
      },
      {
        role: 'result',
        text: 'As an application, we show that almost all such surfaces in a natural family satisfy the expected lower bound as well.',
      },
    ],
  },
  {
    title: 'Brain Tumor Segmentation with Missing MRI Sequences',
    sentences: [
      {
        role: 'background',
        text: 'Automated segmentation of brain tumors from MRI supports diagnosis and radiotherapy planning.',
      },
      {
        role: 'background',
        text: 'The nnU-Net framework of Isensee et al. has become a strong default for this task.',
      },
      {
        role: 'problem',
        text: 'It requires all four standard MRI sequences, yet in clinical practice one or more sequences are often missing or corrupted.',
      },
      {
        role: 'method',
        text: 'We train a single network that accepts any subset of sequences by randomly dropping inputs during training and fusing the available ones with a learned attention mechanism.',
      },
      {
        role: 'result',
        text: 'On BraTS 2021, our model loses at most 4.1 Dice points when any single sequence is missing, compared with up to 22.5 points for nnU-Net with imputed inputs.',
      },
      { role: 'result', text: 'With all sequences available, it performs on par with nnU-Net.' },
    ],
  },
  {
    title: 'The Token Tax: Tokenizer Disparities across 200 Languages',
    sentences: [
      {
        role: 'background',
        text: 'Subword tokenizers determine how many tokens a text costs, and thus how expensive it is to process with a language model.',
      },
      {
        role: 'problem',
        text: 'For many languages written in non-Latin scripts, common tokenizers produce three to five times more tokens than for English text with the same content.',
      },
      {
        role: 'method',
        text: 'We quantify this disparity for 200 languages using a parallel corpus and analyze its sources.',
      },
      {
        role: 'result',
        text: 'Byte-level fallback and the small share of these languages in the tokenizer training data explain most of the disparity vs. English.',
      },
      {
        role: 'result',
        text: 'Users of the most affected languages pay up to 4.8 times more for API access to the same model.',
      },
      {
        role: 'conclusion',
        text: 'We argue that tokenizer fairness should be considered when training and pricing multilingual models.',
      },
    ],
  },
  {
    title: 'Implicit Bias of Gradient Descent across Initialization Scales',
    sentences: [
      {
        role: 'problem',
        text: 'Why do overparameterized neural networks generalize despite being able to fit random labels?',
      },
      {
        role: 'background',
        text: 'A line of work initiated by Zhang et al. (2017) has sought explanations in the implicit bias of gradient descent.',
      },
      {
        role: 'problem',
        text: 'We study this question for two-layer networks trained on linearly separable data with logistic loss.',
      },
      {
        role: 'result',
        text: 'We show that gradient descent converges in direction to a max-margin solution in a non-Euclidean norm determined by the initialization scale.',
      },
      {
        role: 'result',
        text: 'For small initialization this norm favors sparse solutions, while for large initialization it reduces to the Euclidean norm of the kernel regime.',
      },
      { role: 'conclusion', text: 'Our analysis offers a unified view of the rich and lazy training regimes.' },
    ],
  },
  {
    title: 'Forecasting Hospital Admissions from Wastewater Surveillance',
    sentences: [
      {
        role: 'background',
        text: 'Wastewater surveillance can detect community transmission of respiratory viruses days before clinical case reports.',
      },
      {
        role: 'problem',
        text: 'Translating viral concentrations in sewage into case numbers is difficult because dilution, population movement and shedding rates vary over time.',
      },
      {
        role: 'method',
        text: 'We fit a Bayesian hierarchical model to 18 months of data from 42 treatment plants, jointly modeling flow-normalized concentrations and reported hospital admissions.',
      },
      {
        role: 'result',
        text: 'The model forecasts admissions two weeks ahead with a mean absolute percentage error of 14.6%, compared with 23.9% for a model using case reports alone.',
      },
      { role: 'result', text: 'Including mobility data did not improve forecasts.' },
      {
        role: 'conclusion',
        text: 'Wastewater data can thus serve as a timely and inexpensive input for hospital capacity planning.',
      },
    ],
  },
  {
    title: 'Transient-Aware Gaussian Splatting for Casual Captures',
    sentences: [
      {
        role: 'background',
        text: 'Neural radiance fields and 3D Gaussian splatting can reconstruct scenes with photorealistic quality from posed images.',
      },
      {
        role: 'problem',
        text: 'Both assume that the scene is static, so moving people or cars in casual captures produce floating artifacts.',
      },
      {
        role: 'method',
        text: 'We propose to model transient content with a per-image set of Gaussians whose opacity is regularized to be sparse, while a shared set represents the static scene.',
      },
      { role: 'method', text: 'No masks or semantic labels are required.' },
      {
        role: 'result',
        text: 'On the NeRF On-the-go dataset, our method improves PSNR by 1.9 dB over the previous best method and removes most visible artifacts.',
      },
      { role: 'result', text: 'Training takes 25 minutes per scene, about as long as vanilla Gaussian splatting.' },
      { role: 'conclusion', text: 'Project page: https://example.org/transient-gs (code to be released).' },
    ],
  },
  {
    title: 'Automatic Invariant Inference for Solidity Verification',
    sentences: [
      {
        role: 'background',
        text: 'Smart contracts manage assets worth billions of dollars, and bugs in them are often irreversible.',
      },
      {
        role: 'problem',
        text: 'Existing verification tools for Solidity either check only predefined vulnerability patterns, e.g. reentrancy, or require extensive manual annotations.',
      },
      {
        role: 'method',
        text: 'We present a verifier that infers loop invariants and function summaries automatically from a small set of user-written properties, i.e. pre- and postconditions of public functions.',
      },
      {
        role: 'method',
        text: 'Inference combines symbolic execution with a counterexample-guided search over a grammar of candidate invariants.',
      },
      {
        role: 'result',
        text: 'On 85 contracts from popular decentralized applications, the verifier proved 312 of 340 user properties fully automatically and found 9 previously unknown bugs.',
      },
      { role: 'conclusion', text: 'The tool and benchmarks are available as open source.' },
    ],
  },
  {
    title: 'Self-Starting Soliton Microcombs in a Fiber Laser Cavity',
    sentences: [
      { role: 'background', text: 'Optical frequency combs are central to precision spectroscopy and timekeeping.' },
      {
        role: 'problem',
        text: 'Chip-scale combs based on microresonators typically require a tunable pump laser and careful thermal control to reach the soliton state, which complicates integration.',
      },
      {
        role: 'method',
        text: 'We propose a self-starting scheme in which the microresonator is embedded in a fiber laser cavity with a saturable absorber.',
      },
      {
        role: 'method',
        text: 'We develop a coupled-mode model of the system and analyze the stability of its steady states.',
      },
      {
        role: 'result',
        text: 'The model identifies a parameter region in which the soliton state is the only stable attractor.',
      },
      {
        role: 'conclusion',
        text: 'If realized experimentally, such a system would provide turnkey operation without active feedback.',
      },
    ],
  },
  {
    title: 'Price of Anarchy of Generalized Second-Price Auctions with Auto-Bidders',
    sentences: [
      {
        role: 'background',
        text: 'Online advertising platforms increasingly allocate ads through auto-bidding agents that maximize value subject to return-on-spend constraints.',
      },
      {
        role: 'problem',
        text: 'Classical auction theory assumes utility-maximizing bidders, and its guarantees do not directly apply to such agents.',
      },
      {
        role: 'method',
        text: 'We analyze the price of anarchy of generalized second-price auctions when all bidders are value maximizers.',
      },
      {
        role: 'result',
        text: 'We prove that the price of anarchy is exactly 2 for a single slot and at most 2.5 for any number of slots, and we show that the latter bound is tight up to lower-order terms.',
      },
      {
        role: 'result',
        text: "Reserve prices set to a constant fraction of the bidders' values reduce the bound to 1.6.",
      },
      {
        role: 'conclusion',
        text: 'These results provide theoretical support for the use of reserve prices on auto-bidding platforms.',
      },
    ],
  },
  {
    title: 'Translating Spontaneous Speech: A Dataset and Baselines',
    sentences: [
      { role: 'background', text: 'Speech translation systems are usually evaluated on read or rehearsed speech.' },
      {
        role: 'problem',
        text: 'Spontaneous speech contains disfluencies such as “um”, repetitions and self-corrections, which cascade systems pass on to the translation model as noise.',
      },
      {
        role: 'method',
        text: 'We collect 60 hours of spontaneous English conversations with professional translations into German, Spanish and Japanese.',
      },
      {
        role: 'result',
        text: 'State-of-the-art end-to-end and cascade systems lose 8 to 12 BLEU points on this data relative to read speech.',
      },
      {
        role: 'method',
        text: 'We then fine-tune both kinds of systems on synthetic disfluent data generated by a language model.',
      },
      {
        role: 'result',
        text: 'Fine-tuning recovers about half of the loss for end-to-end systems but helps cascades much less.',
      },
      { role: 'conclusion', text: 'The dataset is released under a CC BY 4.0 license.' },
    ],
  },
  {
    title: 'A Factored Interior-Point Method for Low-Rank Semidefinite Programs',
    sentences: [
      {
        role: 'method',
        text: 'We propose a primal-dual interior-point method for semidefinite programs with low-rank solutions that never forms the full matrix variable.',
      },
      {
        role: 'method',
        text: 'Instead, iterates are stored in factored form and the Newton system is solved with a preconditioned conjugate gradient method.',
      },
      {
        role: 'result',
        text: 'We prove that the method reaches an $\\epsilon$-optimal solution in $\\mathcal{O}(\\sqrt{n}\\log(1/\\epsilon))$ iterations under a strict complementarity assumption.',
      },
      {
        role: 'result',
        text: 'On max-cut and matrix completion instances with $n$ up to $10^6$, it is one to two orders of magnitude faster than MOSEK and SCS.',
      },
      { role: 'conclusion', text: 'A Julia implementation is provided.' },
    ],
  },
  {
    title: 'Language Models as Constraint Programmers for Everyday Planning',
    sentences: [
      {
        role: 'background',
        text: 'Can a language model plan a week of meals for a family with allergies, a budget and picky children?',
      },
      {
        role: 'problem',
        text: 'Such everyday planning problems combine hard constraints with vague preferences, and current models often violate the constraints while sounding confident.',
      },
      {
        role: 'method',
        text: "We propose to let the model write a constraint program from the user's request, solve it with an off-the-shelf solver, and then explain the solution in natural language.",
      },
      {
        role: 'result',
        text: 'On a new benchmark of 500 planning requests, this approach satisfies all hard constraints in 96% of cases vs. 41% for direct generation with GPT-4.',
      },
      { role: 'result', text: 'Human raters preferred its plans in 72% of pairwise comparisons.' },
      {
        role: 'conclusion',
        text: 'Combining language models with symbolic solvers thus offers a practical path to reliable assistants for everyday planning.',
      },
    ],
  },
  {
    title: 'Stylometric Attribution of the Disputed Ellery Essays',
    sentences: [
      {
        role: 'background',
        text: 'Authorship attribution of historical texts has long relied on stylometric features such as function-word frequencies.',
      },
      {
        role: 'background',
        text: 'The disputed essays attributed to J. H. Ellery are a well-known test case, with scholars divided between two candidate authors.',
      },
      {
        role: 'problem',
        text: 'Previous computational analyses reached conflicting conclusions, partly because the surviving texts are short and heavily edited.',
      },
      {
        role: 'method',
        text: "We combine a character-level language model fine-tuned on each candidate's undisputed works with a calibrated likelihood-ratio test (cf. Eq. 4 in the appendix).",
      },
      {
        role: 'result',
        text: 'The test attributes 11 of the 14 disputed essays to Ellery with posterior probability above 0.95, resp. 0.99 for eight of them.',
      },
      {
        role: 'result',
        text: 'The remaining three essays are classified as jointly written, in line with a hypothesis first raised by Dr. M. Okafor.',
      },
      {
        role: 'conclusion',
        text: 'The approach is applicable to other short, edited corpora, and our code is available at https://github.com/stylo-lab/ellery.',
      },
    ],
  },
  {
    title: 'X-Ray Tomography of Jamming in Granular Chute Flow',
    sentences: [
      {
        role: 'background',
        text: 'Granular materials flow like liquids under some conditions and jam like solids under others.',
      },
      {
        role: 'problem',
        text: 'The transition between these regimes in inclined chute flows is still poorly understood, because the local packing fraction is hard to measure inside the flow.',
      },
      {
        role: 'method',
        text: 'We image a chute flow of approx. 2 million glass beads with X-ray tomography at 30 frames per second (see Fig. 2 for the setup).',
      },
      {
        role: 'result',
        text: 'The packing fraction decreases from 0.61 at the base to 0.55 near the free surface, and jamming starts where it exceeds 0.59.',
      },
      {
        role: 'result',
        text: 'Close to the jamming point, velocity fluctuations become intermittent, with bursts lasting from 10 ms to about 1 s.',
      },
      {
        role: 'conclusion',
        text: 'These measurements provide a benchmark for continuum models of dense granular flow.',
      },
    ],
  },
  {
    title: '基于对比学习的分子图预训练',
    sentences: [
      { role: 'background', text: '图神经网络（GNN）已被广泛用于分子性质预测。' },
      { role: 'problem', text: '但是，标注数据稀缺限制了模型在新分子骨架上的泛化能力。' },
      { role: 'method', text: '我们提出了一种基于对比学习的预训练策略，利用约200万个未标注分子学习通用表示。' },
      { role: 'result', text: '在MoleculeNet的8个分类任务上，平均ROC-AUC从0.721提高到0.768。' },
      { role: 'result', text: '在骨架划分的测试集上，提升尤为明显。' },
      { role: 'conclusion', text: '预训练模型和代码已公开。' },
    ],
  },
  {
    title: 'Routing as Optimal Transport in Mixture-of-Experts Models',
    sentences: [
      {
        role: 'background',
        text: 'Mixture-of-experts models scale the number of parameters without increasing the computation per token.',
      },
      {
        role: 'problem',
        text: 'Their routers, however, tend to collapse onto a few experts, and common load-balancing losses trade this off against model quality.',
      },
      {
        role: 'method',
        text: 'We revisit routing as an optimal transport problem and make three contributions: (i) a differentiable Sinkhorn router with a fixed number of iterations, (ii) a capacity-aware variant that never drops tokens, and (iii) an analysis of expert specialization.',
      },
      {
        role: 'result',
        text: 'On language modeling with models from 125M to 1.3B parameters, our router lowers perplexity by 0.3 to 0.5 over top-2 routing at equal compute.',
      },
      { role: 'result', text: 'Expert utilization stays above 90% throughout training without any auxiliary loss.' },
      {
        role: 'conclusion',
        text: 'We hope these findings encourage a more principled treatment of routing in sparse models.',
      },
    ],
  },
  {
    title: 'Sparse Autoencoders Recover Syntax Features in Small Transformers',
    sentences: [
      {
        role: 'background',
        text: 'Mechanistic interpretability seeks to explain the computations of neural networks in terms of human-understandable features.',
      },
      {
        role: 'background',
        text: 'Sparse autoencoders trained on model activations have recently been used to extract such features at scale.',
      },
      {
        role: 'problem',
        text: 'It is not known, however, whether the features they find correspond to the variables a model actually uses, or merely to statistical regularities of the activations.',
      },
      {
        role: 'method',
        text: 'We train transformers on a synthetic context-free language whose parse variables are known exactly, and fit sparse autoencoders to their residual streams.',
      },
      {
        role: 'result',
        text: 'Between 71% and 88% of the ground-truth parse variables are matched by a single autoencoder feature with cosine similarity above 0.9.',
      },
      {
        role: 'result',
        text: 'Variables that the model does not need for its predictions are rarely recovered, even when they are linearly decodable.',
      },
      {
        role: 'conclusion',
        text: 'This suggests that sparse autoencoders are biased toward computationally relevant features, a property that makes them useful but incomplete tools for interpretability.',
      },
    ],
  },
  {
    title: 'Energy-Efficient Scheduling of Serverless Functions on Heterogeneous Clusters',
    sentences: [
      {
        role: 'background',
        text: 'Serverless platforms run short-lived functions on shared clusters and bill users by execution time.',
      },
      {
        role: 'problem',
        text: 'Schedulers in current platforms optimize latency and ignore energy, even though clusters increasingly mix processors with very different power profiles.',
      },
      {
        role: 'method',
        text: 'We formulate function placement as an online bin-packing problem with energy costs and propose a greedy policy with a provable competitive ratio of 1.7.',
      },
      { role: 'method', text: 'The policy uses per-function power models learned from hardware performance counters.' },
      {
        role: 'result',
        text: 'In a trace-driven evaluation with 1.2 million invocations from a production workload, it reduces energy consumption by 31% while increasing the 99th-percentile latency by less than 5%.',
      },
      {
        role: 'conclusion',
        text: 'The scheduler is implemented in OpenWhisk and available at https://github.com/green-faas/scheduler.',
      },
    ],
  },
  {
    title: 'Bayesian Calibration of a Regional Climate Model',
    sentences: [
      {
        role: 'background',
        text: 'Regional climate models contain dozens of uncertain parameters that are usually tuned by hand.',
      },
      {
        role: 'problem',
        text: 'Hand tuning is slow, hard to reproduce, and gives no estimate of the remaining parametric uncertainty.',
      },
      {
        role: 'method',
        text: 'We calibrate 14 parameters of a regional climate model over Europe using history matching followed by Bayesian emulation with Gaussian processes.',
      },
      {
        role: 'method',
        text: 'The emulator is trained on 250 model runs and used to rule out parameter regions inconsistent with observed temperature and precipitation.',
      },
      {
        role: 'result',
        text: 'Only 3.5% of the initial parameter space is retained, and the calibrated ensemble reduces the bias in summer precipitation by half.',
      },
      {
        role: 'result',
        text: 'Parametric uncertainty remains comparable in size to the spread between different driving global models.',
      },
      {
        role: 'conclusion',
        text: 'Our results argue for routinely reporting parametric uncertainty alongside projections from regional models.',
      },
    ],
  },
  {
    title: 'Hamiltonian Cycles in Random Cayley Graphs',
    sentences: [
      {
        role: 'background',
        text: 'A Cayley graph of a group with respect to a generating set is a natural model of a symmetric network.',
      },
      {
        role: 'background',
        text: 'Lovász asked whether every connected Cayley graph contains a Hamiltonian cycle, a question that is widely open.',
      },
      {
        role: 'problem',
        text: 'We consider random Cayley graphs, in which the generating set is chosen uniformly among subsets of a given size.',
      },
      {
        role: 'result',
        text: 'We prove that for every finite group $G$, a random Cayley graph with $C \\log |G|$ generators is Hamiltonian with high probability, where $C$ is an absolute constant.',
      },
      {
        role: 'method',
        text: 'Our proof combines an absorption argument with expansion properties of random Cayley graphs established by Alon and Roichman.',
      },
      { role: 'result', text: 'The bound on the number of generators is optimal up to the value of $C$.' },
    ],
  },
  {
    title: '面向边缘设备的低比特大模型量化方法',
    sentences: [
      { role: 'background', text: '大语言模型参数规模庞大，在边缘设备上部署面临严重的存储和计算限制。' },
      { role: 'problem', text: '现有的低比特量化方法在3比特以下时精度下降明显。' },
      { role: 'method', text: '本文提出一种基于混合精度的分组量化方法，根据每组权重的敏感度自动分配比特数。' },
      { role: 'method', text: '此外，我们设计了一种无需校准数据的误差补偿策略。' },
      { role: 'result', text: '在LLaMA系列模型上的实验表明，该方法在平均2.5比特下的困惑度仅比全精度模型高0.6。' },
      { role: 'result', text: '在手机端的推理速度提升了2.8倍。' },
      { role: 'conclusion', text: '相关代码已开源。' },
    ],
  },
  {
    title: 'Robust Visual Place Recognition under Seasonal Change',
    sentences: [
      {
        role: 'background',
        text: 'Visual place recognition allows a robot to recognize previously visited locations from camera images.',
      },
      {
        role: 'problem',
        text: 'Appearance changes between seasons, e.g. snow cover or foliage, remain a major source of failure for current methods.',
      },
      {
        role: 'method',
        text: 'We propose to aggregate local features with a learned attention map that down-weights regions whose appearance is unstable over time.',
      },
      {
        role: 'method',
        text: 'The attention map is trained without labels from sequences of the same route recorded in different seasons.',
      },
      {
        role: 'result',
        text: 'On the Nordland and Oxford RobotCar benchmarks, our method improves recall@1 by 9.4 and 6.1 points over the best previous method.',
      },
      { role: 'result', text: 'It runs at 35 frames per second on an embedded GPU.' },
    ],
  },
  {
    title: 'Measuring the Hubble Constant with Lensed Supernovae',
    sentences: [
      {
        role: 'background',
        text: 'The Hubble constant measured from the local distance ladder disagrees with the value inferred from the cosmic microwave background.',
      },
      {
        role: 'problem',
        text: 'Independent measurements are needed to determine whether this tension points to new physics or to unrecognized systematic errors.',
      },
      {
        role: 'method',
        text: 'We measure time delays between the multiple images of a strongly lensed type Ia supernova and model the lens with deep imaging and stellar kinematics.',
      },
      {
        role: 'result',
        text: 'We obtain $H_0 = 71.2^{+3.1}_{-2.8}$ km s$^{-1}$ Mpc$^{-1}$, with a precision of 4.2%.',
      },
      {
        role: 'result',
        text: 'The value lies between the two conflicting measurements and is consistent with both at the 1.5σ level.',
      },
      {
        role: 'conclusion',
        text: 'Future lensed supernovae discovered by wide-field surveys will reduce the uncertainty to about 1%.',
      },
    ],
  },
  {
    title: 'Do Code Models Understand Type Errors?',
    sentences: [
      {
        role: 'background',
        text: 'Code language models are increasingly used to explain compiler errors to programmers.',
      },
      {
        role: 'problem',
        text: 'Whether they reason about the underlying type constraints or pattern-match on error messages is unclear.',
      },
      {
        role: 'method',
        text: 'We construct 2,400 programs in Haskell and OCaml with type errors whose messages are misleading by design, and we ask models to locate the true cause.',
      },
      {
        role: 'result',
        text: 'The best model locates the cause in 41% of these programs, compared with 83% for programs with ordinary error messages.',
      },
      { role: 'result', text: 'Providing the inferred types of all subexpressions raises accuracy to 67%.' },
      {
        role: 'conclusion',
        text: 'We conclude that current models rely heavily on surface cues in error messages, and that type information should be supplied explicitly.',
      },
    ],
  },
];
