/**
 * `npm run eval:cv`: accuracy of the analyzer+router on the labelled dev set, in-sample, by id-parity
 * half (even: the half the rules were first developed on; odd: first held out, read since) and full.
 * The one fitted part, the learned complexity check, is cross-validated next by the same npm script:
 * `scripts/trainComplexityModel.ts --cv` scores each labelled set (the dev set, each probe file) with a
 * model fitted on all the other sets.
 */
import './evalDev';
