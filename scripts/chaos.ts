// npm run chaos -- [--sessions N] ...   (same as `strata chaos`; see src/cli/chaosCommand.ts)
import { runChaos } from '../src/cli/chaosCommand';

runChaos(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
