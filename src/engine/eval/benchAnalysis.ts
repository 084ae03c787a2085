/**
 * Micro-benchmark of analysis + routing (no plan construction): p50/p95/p99 per task over the given
 * texts. Run: `npx tsx src/engine/eval/benchAnalysis.ts [FILE.jsonl]`. Prints figures; never asserts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeTask } from '../analysis/analyzer';
import { routeAnalysis } from '../routing/route';

/** Latency percentiles (µs) of analyzeTask+routeAnalysis over `texts`, `rounds` passes after a warm-up. */
export function benchAnalysis(texts: readonly string[], rounds = 20): { p50: number; p95: number; p99: number; n: number; minP50: number; minP99: number } {
  // Warm up for at least 2 s: V8 optimises (and after early deoptimisations re-optimises) the hot
  // functions on a background thread; a few passes measured unoptimised code.
  const warmStart = performance.now();
  for (let r = 0; r < 3 || performance.now() - warmStart < 2000; r++) for (const t of texts) routeAnalysis(analyzeTask(t));
  const samples: number[] = [];
  // Per-text minimum over the rounds: the cost without preemption by other processes on a shared machine.
  const mins = texts.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    texts.forEach((t, i) => {
      const s = process.hrtime.bigint();
      routeAnalysis(analyzeTask(t));
      const d = Number(process.hrtime.bigint() - s) / 1000;
      samples.push(d);
      if (d < mins[i]!) mins[i] = d;
    });
  }
  samples.sort((a, b) => a - b);
  mins.sort((a, b) => a - b);
  const q = (xs: number[], p: number): number => Math.round(xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]! * 10) / 10;
  return { p50: q(samples, 0.5), p95: q(samples, 0.95), p99: q(samples, 0.99), n: samples.length, minP50: q(mins, 0.5), minP99: q(mins, 0.99) };
}

if (require.main === module) {
  const file = process.argv[2] ?? resolve(__dirname, '../../../../shared/eval/tasks.dev.jsonl');
  const texts = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { task: string }).task);
  const sixty = 'As a platform team we want to migrate the billing service and its Postgres database from Heroku to AWS EKS with Terraform, ' +
    'add Prometheus alerts and Grafana dashboards, run Playwright end to end tests in GitHub Actions, scan images with Trivy, and ' +
    'keep zero downtime for customers during the cutover while the React checkout page keeps working for every region we serve today';
  console.log('dev texts:', benchAnalysis(texts));
  console.log(`60-word task (${sixty.split(/\s+/).length} words):`, benchAnalysis([sixty], 2000));
}
