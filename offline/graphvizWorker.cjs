// Graphviz on the second core (offline/diagram.ts starts this thread before the stacks
// synthesize). Loading the WebAssembly build is not the whole cost: V8 compiles each of its
// functions on first call, which made the first layout of a run several times slower than the
// next. A small layout that touches what the real pictures use (clusters, HTML labels, compound
// edges) pays that here, while the main thread synthesizes.
const { parentPort } = require("node:worker_threads");
const { Graphviz } = require("@hpcc-js/wasm-graphviz");

const WARM_UP = `digraph warmup {
  compound=true; rankdir=LR; node [shape=box, style="rounded,filled", fontname="Helvetica"];
  subgraph cluster_a { label=<<b>a</b>>; style="rounded"; a1 [label=<<b>one</b><br/>two>]; a2 }
  subgraph cluster_b { label="b"; subgraph cluster_c { label="c"; b1; b2 [shape=cylinder] } }
  a1 -> b1 [lhead=cluster_b, label="x", style=dashed]; a2 -> b2 [constraint=false]; b1 -> b2;
}`;

const ready = Graphviz.load().then((graphviz) => {
  graphviz.dot(WARM_UP);
  return graphviz;
});
// A load failure is reported with the first request, not as an unhandled rejection.
ready.catch(() => undefined);

parentPort?.on("message", (/** @type {{ id: number, dot: string }} */ { id, dot }) => {
  ready
    .then((graphviz) => parentPort?.postMessage({ id, svg: graphviz.dot(dot) }))
    .catch((err) => parentPort?.postMessage({ id, error: String(err?.message ?? err) }));
});
