/**
 * `npm run eval:cv`: accuracy of the analyzer+router on the labelled dev set, reported in-sample and
 * on a held-out split. The router has no fitted component (every rule and word list is hand-written
 * from the contract and the catalogues), so k-fold CV would equal the in-sample figure; the honest
 * generalisation check is the id-parity split: rules were developed reading only the even rows and
 * seeds, the odd rows were scored but never read. Prints even (development), odd (held out) and full.
 */
import './evalDev';
