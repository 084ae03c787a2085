/**
 * Micro-benchmark of analysis + routing (no plan construction): p50/p95/p99 per task over the given
 * texts. Run: `npx tsx src/engine/eval/benchAnalysis.ts [FILE.jsonl]`. Prints figures; never asserts.
 */
import { readFileSync } from 'node:fs';
import { analyzeTask } from '../analysis/analyzer';
import { routeAnalysis } from '../routing/route';

/** Latency percentiles (µs) of analyzeTask+routeAnalysis over `texts`, `rounds` passes after a warm-up. */
export function benchAnalysis(texts: readonly string[], rounds = 20): { p50: number; p95: number; p99: number; n: number } {
  for (let r = 0; r < 3; r++) for (const t of texts) routeAnalysis(analyzeTask(t));
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const s = process.hrtime.bigint();
      routeAnalysis(analyzeTask(t));
      samples.push(Number(process.hrtime.bigint() - s) / 1000);
    }
  }
  samples.sort((a, b) => a - b);
  const q = (p: number): number => Math.round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]! * 10) / 10;
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), n: samples.length };
}

if (require.main === module) {
  const file = process.argv[2] ?? '/work/shared/eval/tasks.dev.jsonl';
  const texts = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { task: string }).task);
  const sixty = 'As a platform team we want to migrate the billing service and its Postgres database from Heroku to AWS EKS with Terraform, ' +
    'add Prometheus alerts and Grafana dashboards, run Playwright end to end tests in GitHub Actions, scan images with Trivy, and ' +
    'keep zero downtime for customers during the cutover while the React checkout page keeps working for every region we serve today';
  console.log('dev texts:', benchAnalysis(texts));
  console.log(`60-word task (${sixty.split(/\s+/).length} words):`, benchAnalysis([sixty], 2000));
}
