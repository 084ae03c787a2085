/**
 * Requirement areas (ROUTING §3): which L2/L3 areas the text names as work, each with its evidence; mentions that
 * are not work (a subject, a place, a name, a precedent, another sense of a word) are set aside with the reason.
 */
import { AREA_IDS, type AreaFinding, type Evidence } from './analysisTypes';
import { saturation } from './saturation';
import { stem, type Token } from './tokenize';
import {
  A_L2, A_SUBJECT_HEAD, AREA_BITS, AX_BACKEND, AX_CICD, AX_DATA, AX_DATABASE, AX_FRONTEND, AX_K8S, AX_SECURITY,
  AX_TESTING, capitalised, cite, classInSentence, clauseIndex, CX_CONTAINED, CX_DOCS_NOUN, CX_STRATEGY_NOUN,
  CX_STRATEGY_ONLY, DEPLOY_WORD, DETERMINERS, flags, Hit, hitsOf, insideCodeSpan, insideIdentifier, KEY_VALUE_STORES,
  MODALS, quotedTitleWord, type Reading, sameLowercase, SEARCH_ENGINES, sentenceBreak, sentenceStart, SUBORDINATORS,
  SYMPTOM_STEMS, TEST_SUBJECT_PREPS, tokenFrom, verbAt,
} from './reading';
import {
  ACTOR_FOLLOWERS, ADDRESS_HEADS, C_ANY_VERB, C_ARTIFACT, C_AUTOMATE, C_BROKER_USE, C_DELIVERY, C_EXAMPLE, C_NAME_HEAD,
  C_OBSERVE, C_PLACE, C_PRECEDENT, C_PUBLISH, C_SETUP, C_TEAM, C_UI_OR_REPORT, CONFIG_WORDS, HOST_PLACES, SETUP_LEADS,
  UI_ELEMENTS, wordClasses,
} from './wordClasses';
import { correctAreas } from './areaCorrections';
import { credit, hasFullWeight, namedInFull } from './areaEvidence';

const MODIFIER_SUFFIXES = new Set(['relevant', 'conscious', 'related', 'aware', 'sensitive', 'minded', 'critical', 'focused', 'oriented', 'friendly', 'like', 'agnostic']);
/** Whether hit h names a search engine ("Elasticsearch", "elastic search"), read from its tokens (no evidence built). */
function searchEngine(tokens: readonly Token[], h: Hit): boolean {
  if (h.n === 1) return SEARCH_ENGINES.has(tokens[h.i]!.lower);
  return h.n === 2 && tokens[h.i]!.lower === 'elastic' && tokens[h.i + 1]!.lower === 'search';
}
/** Verbs (stems) that operate a data store rather than use it. */
const STORE_OPERATIONS = new Set(['upgrad', 'scal', 'backup', 'back', 'restor', 'replicat', 'shard', 'reindex', 'tun', 'resiz', 'snapshot', 'migrat']);

/** Whether the word at [start, end) is joined to a snake_case name by an underscore. */
function snakeCasePart(text: string, start: number, end: number): boolean {
  return text.charCodeAt(end) === 95 || (start > 0 && text.charCodeAt(start - 1) === 95);
}

/** End (exclusive) of the requester's role in a user story ("As a <role>, I…"), or 0 when there is none. */
function requesterRoleEnd(tokens: readonly Token[], text: string): number {
  // "As a/an/the <role>" or "As <Team Name>"; not "as part of", "as soon as", "as of".
  if (tokens.length < 3 || tokens[0]!.lower !== 'as') return 0;
  const second = tokens[1]!;
  if (!DETERMINERS.has(second.lower) && !capitalised(text, second)) return 0;
  for (let k = 1; k < Math.min(tokens.length, 7); k++) {
    const w = tokens[k]!.lower;
    if (tokens[k]!.clauseStart || w === 'i' || w === 'we' || w === 'want' || w === 'need' || w === 'can' || w === 'would' || w === 'should') return k;
  }
  return 0;
}
// "test" followed by a determiner is the verb ("test the migration"), not a test to write.
const VERB_FOLLOWERS = new Set(['the', 'a', 'an', 'if', 'whether', 'that', 'our', 'this', 'it', 'its', 'how', 'out', 'with', 'against', 'on', 'for']);
/** Words ending a verb's object phrase. */
const OBJECT_ENDS = new Set(['with', 'using', 'via', 'through', 'to', 'for', 'in', 'on', 'by', 'and', 'so', 'that', 'from']);
const NO_FLAGS = new Uint8Array(0);
// Per-area scratch (see `flags`): score and "named strongly", cleared by each analysis.
const AREA_SCORE = new Float64Array(AREA_IDS.length);
const AREA_STRONG = new Uint8Array(AREA_IDS.length);
const SLOT_SUBJECT = 1;
const SLOT_AREA_AT = 5;
/** Cue kinds naming a strategy or documentation deliverable. */
const DELIVERABLE_CUES = [CX_STRATEGY_NOUN, CX_STRATEGY_ONLY, CX_DOCS_NOUN];

/** Two different weak words in separate phrases (not one noun phrase such as "worker service"). */
function separateWeakPair(list: readonly Evidence[]): boolean {
  // Bounded: a pair, if any, shows up among the first few mentions.
  const m = Math.min(list.length, 12);
  for (let x = 0; x < m; x++) {
    for (let y = x + 1; y < m; y++) {
      const a = list[x]!;
      const b = list[y]!;
      if (sameLowercase(a.phrase, b.phrase)) continue;
      const gap = a.start < b.start ? b.start - a.end : a.start - b.end;
      if (gap > 1) return true;
    }
  }
  return false;
}

// longestAreaHits' sorted list and its result, reused by the next analysis like the hits they hold
// (nothing an analysis returns refers to a hit).
const SORTED_AREA_HITS: Hit[] = [];
const KEPT_AREA_HITS: Hit[] = [];

/** Keeps, among overlapping area hits, the longest ("helm chart" over "chart", "Google Analytics" over "analytics"). */
function longestAreaHits(hits: readonly Hit[], nTokens: number): readonly Hit[] {
  // Longest first, then by position: a stable insertion sort (hits arrive in position order, and
  // there are few area hits per text), without Array#sort's temporary copy. Both lists are written
  // by index and truncated at the end: `length = 0` would drop their storage (V8 frees an emptied
  // array's elements), so every call would grow them anew.
  const area = SORTED_AREA_HITS;
  let nArea = 0;
  for (const h of hits) {
    let j = nArea++;
    while (j > 0 && longestFirst(area[j - 1]!, h) > 0) {
      area[j] = area[j - 1]!;
      j--;
    }
    area[j] = h;
  }
  // Phrases are at most 4 tokens long, so a byte per token holds the owning length.
  const owner = flags(3, nTokens); // slot 3: the owner lengths
  const keep = KEPT_AREA_HITS;
  let nKeep = 0;
  for (let x = 0; x < nArea; x++) {
    const h = area[x]!;
    let free = true;
    for (let k = h.i; k < h.i + h.n; k++) if (owner[k]! > h.n) free = false;
    if (!free) continue;
    for (let k = h.i; k < h.i + h.n; k++) owner[k] = Math.max(owner[k]!, h.n);
    keep[nKeep++] = h;
  }
  if (area.length > nArea) area.length = nArea;
  if (keep.length > nKeep) keep.length = nKeep;
  return keep;
}
const longestFirst = (a: Hit, b: Hit): number => b.n - a.n || a.i - b.i;
/** Whether token i stands alone in parentheses and its letters are the initials of the words just before them. */
function definedAbbreviation(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (text.charCodeAt(t.start - 1) !== 40 /* ( */ || text.charCodeAt(t.end) !== 41 /* ) */) return false;
  const letters = t.lower;
  const n = letters.length;
  if (n < 2 || n > 6 || i < n) return false;
  for (let k = 0; k < n; k++) if (tokens[i - n + k]!.lower.charCodeAt(0) !== letters.charCodeAt(k)) return false;
  return true;
}

/** Whether token t ("test", "tests", "spec") names a test as the last part of a snake_case identifier, or the first of a test function's name. */
function testIdentifier(text: string, t: Token): boolean {
  if (t.lower !== 'test' && t.lower !== 'tests' && t.lower !== 'spec') return false;
  const before = t.start > 0 ? text[t.start - 1]! : ' ';
  const after = text[t.end] ?? ' ';
  const edge = (c: string): boolean => !/[A-Za-z0-9_.]/.test(c);
  if (before === '_' && edge(after)) return true; // login_test, checkout_spec
  // test_login_timeout (a test function), not test_mode or TEST_DATABASE_URL (settings): lowercase, two
  // more parts.
  return t.lower === text.slice(t.start, t.end) && edge(before) && /^_[a-z0-9]+_[a-z0-9]/.test(text.slice(t.end, t.end + 40));
}

/** The index of "using"/"running"… after "when"/"while"/"if" ("when using S3"), or tokens.length. */
function setupClause(tokens: readonly Token[]): number {
  for (let k = 1; k < tokens.length; k++) {
    const w = tokens[k - 1]!.lower;
    if (SETUP_LEADS.has(w) && SETUP_VERBS.has(tokens[k]!.lower)) return k;
  }
  return tokens.length;
}
const SETUP_VERBS = new Set(['using', 'running', 'deployed', 'hosted', 'served', 'behind', 'on', 'with']);

/** Whether evidence e lies inside a multi-word strategy or documentation noun ("architecture decision record"). */
function insideDeliverableName(r: Reading, e: Evidence): boolean {
  for (const ix of DELIVERABLE_CUES) for (const h of hitsOf(r, ix)) if (h.n > 1 && h.ev.start <= e.start && e.end <= h.ev.end) return true;
  return false;
}
/** Whether evidence e is one word, right after "to", that can be a verb ("to trigger"). */
function verbAfterTo(r: Reading, e: Evidence): boolean {
  const { tokens } = r;
  const i = tokenFrom(tokens, e.start);
  return i > 0 && i < tokens.length && tokens[i]!.start === e.start && tokens[i]!.end === e.end && tokens[i - 1]!.lower === 'to' && (wordClasses(tokens[i]!) & C_ANY_VERB) !== 0;
}

/** Stems of error-tracking SDKs and their generic name, which are installed into the code they watch. */
const ERROR_TRACKERS = new Set(['sentry', 'raven', 'bugsnag', 'rollbar', 'honeybadger', 'airbrake', 'tracker', 'trackers'].map(stem));
/** Areas: longest hits, minus negated mentions and mentions inside a documentation deliverable. */
export function readAreas(r: Reading, docsHit: Hit | undefined, isStrategy: boolean): { keep: readonly Hit[]; areas: AreaFinding[]; weakBest: AreaFinding | undefined } {
  const { task, tokens, negated, ignored } = r;
  // Areas: longest hits, minus negated mentions and mentions inside a documentation deliverable.
  const keep = longestAreaHits(r.areaHits, tokens.length);
  // "Add tests for the Stripe refund API", "Grafana dashboard for queue latency", "Helm chart for the
  // API", "CI pipeline for the frontend": what the artifact covers is its subject, not an area of its
  // own (like documentation of a subject, ROUTING §3). From "for/of/on/covering" after such an artifact
  // to the end of the clause, other L3 areas are not counted.
  const testSubject = flags(SLOT_SUBJECT, tokens.length);
  let observeVerb: Hit | undefined;
  const observing = (r.classes & C_OBSERVE) !== 0;
  for (const h of keep) {
    // (The hit's weight is its evidence's: read without building the evidence.)
    if (h.sense.t !== 'area' || (AREA_BITS[h.sense.ax]! & A_SUBJECT_HEAD) === 0) continue;
    // "Instrument the inventory service with…", "Monitor the payments API": what is instrumented or
    // monitored is the place of the work, up to a preposition or the clause's end.
    if (observing && h.n === 1 && (wordClasses(tokens[h.i]!) & C_OBSERVE) !== 0 && (h.i === 0 || tokens[h.i]!.clauseStart || MODALS.has(tokens[h.i - 1]!.lower) || tokens[h.i - 1]!.lower === 'to')) {
      for (let k = h.i + 1; k < tokens.length && !tokens[k]!.clauseStart && !OBJECT_ENDS.has(tokens[k]!.lower); k++) testSubject[k] = 1;
      // (As the task's verb the word names the work itself, so it is no weak mention.)
      observeVerb = h;
    }
    if (h.weight < 1) continue;
    let nxt = h.i + h.n;
    // One word may stand between the artifact and its preposition ("Prometheus scraping for the backend").
    if (nxt + 1 < tokens.length && !TEST_SUBJECT_PREPS.has(tokens[nxt]!.lower) && !tokens[nxt]!.clauseStart && !tokens[nxt + 1]!.clauseStart && !verbAt(tokens, nxt)) nxt++;
    // "to/into" with a determiner after it is a destination too ("tracing to the checkout flow"), where
    // "to" before a verb is a purpose ("webhook to reduce user error").
    const toPlace = nxt + 1 < tokens.length && (tokens[nxt]!.lower === 'to' || tokens[nxt]!.lower === 'into') && DETERMINERS.has(tokens[nxt + 1]!.lower);
    // (An error tracker "in the frontend" is an SDK put into that code: "Use sentry in frontend" is frontend work too.)
    const installedIn = tokens[nxt]?.lower === 'in' && (ERROR_TRACKERS.has(tokens[h.i]!.stem) || ERROR_TRACKERS.has(tokens[h.i + h.n - 1]!.stem));
    if (nxt < tokens.length && (TEST_SUBJECT_PREPS.has(tokens[nxt]!.lower) || toPlace) && !installedIn) {
      // (A list goes on past its commas, "covering the signup, checkout and refund flows", and a
      // parenthesis spells the subject out: "the password-reset flow (request link, open email)".)
      let inParen = false;
      for (let k = nxt + 1; k < tokens.length; k++) {
        // (Most gaps are one space: read the gap's text only when it is not.)
        if (tokens[k]!.clauseStart || tokens[k]!.start - tokens[k - 1]!.end !== 1) {
          const gap = task.slice(tokens[k - 1]!.end, tokens[k]!.start);
          if (gap.includes(')')) inParen = false;
          if (/^\s*\(\s*$/.test(gap)) inParen = true;
          else if (!inParen && tokens[k]!.clauseStart && !listGoesOn(task, tokens, k)) break;
        }
        // ("A dashboard for admins where they can change user roles": what the artifact lets them do is work.)
        if (tokens[k]!.lower === 'where' && !inParen) break;
        testSubject[k] = 1;
      }
    }
    // A modifier right before the artifact ("the API Dockerfile", "checkout tests") is its subject too.
    if (h.i > 0 && !tokens[h.i]!.clauseStart) testSubject[h.i - 1] = 1;
  }
  // The area each token's full-weight hit names (index + 1), for the example rule below (only texts
  // with "like" or "such" need it).
  const examples = (r.classes & C_EXAMPLE) !== 0;
  const nameHeads = (r.classes & C_NAME_HEAD) !== 0;
  // (The two place rules below need a hyphen in the text, or the word "existing" or "CI".)
  const hyphens = task.includes('-');
  // "(as with forgejo and keycloak)", "similar to X": things already done the same way are precedents.
  const precedents = (r.classes & C_PRECEDENT) !== 0;
  // "Roll back payments-api to v1.8.2 — v1.9.0 is returning 502s on Adyen callbacks": after an opening
  // operation, a later clause reporting a symptom says why; its words are evidence, not work.
  const reasonClause = OPERATION_OPENERS.has(tokens[0]?.stem ?? '') ? symptomClauses(tokens) : undefined;
  const clauseOf = clauseIndex(tokens.length); // filled by findHits
  const teams = (r.classes & C_TEAM) !== 0;
  const uiOrReport = (r.classes & C_UI_OR_REPORT) !== 0;

  const places = (r.classes & C_PLACE) !== 0;
  // In a bug report, "… when using AWS S3 + CloudFront" names the setup the bug shows in (where the token
  // after which such a clause starts; tokens.length when there is none).
  const setupAt = (r.classes & C_SETUP) !== 0 && hitsOf(r, CX_CONTAINED).length > 0 ? setupClause(tokens) : tokens.length;
  const areaAt = examples ? flags(SLOT_AREA_AT, tokens.length) : NO_FLAGS;
  if (examples) for (const h of keep) if (h.sense.t === 'area' && h.weight >= 1) for (let j = h.i; j < h.i + h.n; j++) areaAt[j] = h.sense.ax + 1;
  // "As a DevOps engineer, I want…", "As CMS Monitoring we need…": who asks is not the work.
  const roleEnd = requesterRoleEnd(tokens, task);
  // Per-area evidence and score in arrays indexed like AREA_IDS (no Map per analysis).
  const areaEv: (Evidence[] | undefined)[] = new Array(AREA_IDS.length);
  const areaScore = AREA_SCORE.fill(0);
  for (const h of keep) {
    if (h.sense.t !== 'area') continue;
    const ax = h.sense.ax;
    // "security-relevant", "security-conscious": a hyphenated modifier, not work in the area.
    const after = tokens[h.i + h.n];
    if (after && task.charCodeAt(tokens[h.i + h.n - 1]!.end) === 45 /* - */ && MODIFIER_SUFFIXES.has(after.lower)) { ignored.push(cite(h.ev, `modifier:${h.ev.rule}`)); continue; }
    if (h.n === 1 && tokens[h.i]!.lower === 'test' && VERB_FOLLOWERS.has(tokens[h.i + 1]?.lower ?? '')) { ignored.push(cite(h.ev, `verb-use:${h.ev.rule}`)); continue; }
    if (negated[h.i]) { ignored.push(cite(h.ev, `negated:${h.ev.rule}`)); continue; }
    // (A snake_case name that starts or ends with "test" names a test: "Fix flaky test_login_timeout"; one made of a
    // named technology is code of that technology: "airflow_to_bq_export.py", "build_schedule_from_dbt_selection()".)
    if (insideIdentifier(task, tokens[h.i]!.start, tokens[h.i + h.n - 1]!.end) && !(ax === AX_TESTING && testIdentifier(task, tokens[h.i + h.n - 1]!))
      && !(h.sense.tech && h.sense.weight >= 1 && snakeCasePart(task, tokens[h.i]!.start, tokens[h.i + h.n - 1]!.end))) { ignored.push(cite(h.ev, `identifier-part:${h.ev.rule}`)); continue; }
    if (hyphens && hyphenNamePart(task, tokens, h, keep)) { ignored.push(cite(h.ev, `name-part:${h.ev.rule}`)); continue; }
    // "Mission Cloud Platform (MCP)": a name in parentheses that spells the initials of the words before it
    // abbreviates them; it is not the catalogued technology of that name.
    if (h.n === 1 && definedAbbreviation(task, tokens, h.i)) { ignored.push(cite(h.ev, `abbreviation:${h.ev.rule}`)); continue; }
    // Code in backticks (`reports/sql/monthly_revenue.sql`, `Enable (Push) Notifications`, a stack trace) names
    // files, strings and code: places, not areas.
    if (r.codeSpans && insideCodeSpan(task, tokens[h.i]!.start)) { ignored.push(cite(h.ev, `code-span:${h.ev.rule}`)); continue; }
    if (reasonClause !== undefined && reasonClause[clauseOf[h.i]!] === 1 && otherAreaNamed(keep, ax)) { ignored.push(cite(h.ev, `symptom-reason:${h.ev.rule}`)); r.aside = true; continue; }
    // "Restore the staging analytics Postgres database": a domain word naming which component it is.
    if (domainModifier(tokens, h, keep)) { ignored.push(cite(h.ev, `domain-modifier:${h.ev.rule}`)); continue; }
    // "a barcode scanner", "download the timetable as an image file", "my training classes": another sense of the word.
    if (h.n === 1 && otherSense(tokens, h.i)) { ignored.push(cite(h.ev, `other-sense:${h.ev.rule}`)); continue; }
    if (precedents && precedentOf(tokens, h) && otherAreaNamed(keep, ax)) { ignored.push(cite(h.ev, `precedent:${h.ev.rule}`)); r.aside = true; continue; }
    // 'Rename "Migrating Docker apps to Kubernetes" to …': the quoted words are a title being reworded.
    if (quotedTitleWord(r, h)) { ignored.push(cite(h.ev, `quoted-title:${h.ev.rule}`)); continue; }
    // "for the load-testing team", "the data team": who does or owns the work, not the work.
    if (teams && h.i + h.n < tokens.length && (wordClasses(tokens[h.i + h.n]!) & C_TEAM) !== 0) { ignored.push(cite(h.ev, `team:${h.ev.rule}`)); continue; }
    // "— CloudWatch shows zero connections": a tool that reports is the evidence, not work in its area,
    // when the text names some other area. (An actor before a modal is not: "so that monitoring can
    // continue running" keeps monitoring.)
    // "Checkout button does nothing on Safari": a word naming what a UI element is for is the element's
    // subject; the work is the element (frontend).
    if (uiOrReport && ax !== AX_FRONTEND && h.i + h.n < tokens.length && UI_ELEMENTS.has(tokens[h.i + h.n]!.lower) && keep.some((k) => k.sense.t === 'area' && k.sense.ax === AX_FRONTEND && k.i === h.i + h.n)) { ignored.push(cite(h.ev, `ui-subject:${h.ev.rule}`)); continue; }
    if (uiOrReport && h.i + h.n < tokens.length && ACTOR_FOLLOWERS.has(tokens[h.i + h.n]!.lower) && otherAreaNamed(keep, ax)) { ignored.push(cite(h.ev, `actor:${h.ev.rule}`)); continue; }

    if (places && placeOnly(tokens, h) && otherAreaNamed(keep, ax)) { ignored.push(cite(h.ev, `place:${h.ev.rule}`)); continue; }
    if (h.i > setupAt && clauseOf[h.i] === clauseOf[setupAt] && otherAreaNamed(keep, ax)) { ignored.push(cite(h.ev, `bug-setup:${h.ev.rule}`)); continue; }
    // "a staging environment … for testing major changes": what the thing built is for, not test work.
    if (ax === AX_TESTING && h.n === 1 && tokens[h.i]!.lower === 'testing' && tokens[h.i - 1]?.lower === 'for' && otherAreaNamed(keep, ax)) { ignored.push(cite(h.ev, `purpose:${h.ev.rule}`)); continue; }
    // "restore test", "recovery test", "failover test": an operations drill on a running system, not software tests.
    if (ax === AX_TESTING && h.n === 1 && h.i > 0 && DRILLED_OPERATIONS.has(tokens[h.i - 1]!.stem)) { ignored.push(cite(h.ev, `operations-drill:${h.ev.rule}`)); continue; }
    if (h.i < roleEnd) { ignored.push(cite(h.ev, `requester-role:${h.ev.rule}`)); continue; }
    if (examples && exampleOfOther(tokens, h, areaAt)) { ignored.push(cite(h.ev, `example:${h.ev.rule}`)); continue; }
    if (nameHeads && h.n === 1 && (wordClasses(tokens[h.i]!) & C_NAME_HEAD) !== 0 && (namedBefore(keep, h) || productApi(task, tokens, keep, h))) { ignored.push(cite(h.ev, `name-head:${h.ev.rule}`)); continue; }
    if (docsHit && !isStrategy) { ignored.push(cite(h.ev, `documentation-subject:${h.ev.rule}`)); continue; }
    if (testSubject[h.i] && (AREA_BITS[ax]! & (A_SUBJECT_HEAD | A_L2)) === 0) { ignored.push(cite(h.ev, `artifact-subject:${h.ev.rule}`)); continue; }
    // Redis beside a job queue ("celery with rabbitmq and redis") is the broker: backend (§2 queues), not a
    // database. As the app's cache or session store ("Add a Redis caching layer", "Redis session") it is both:
    // the caching code (backend, §2 caching) and the store it runs on (database), as the labelled texts have it.
    // Backing a rate limiter ("Use redis for rate limiting") is a broker's kind of use: the backend's mechanism.
    if (ax === AX_DATABASE && h.n === 1 && KEY_VALUE_STORES.has(tokens[h.i]!.lower)
      && (((r.classes & C_BROKER_USE) !== 0 && classInSentence(tokens, task, h.i, C_BROKER_USE)) || rateLimitInSentence(tokens, task, h.i))) {
      credit(areaEv, areaScore, AX_BACKEND, cite(h.ev, `broker-or-cache:${h.ev.rule}`), h.sense.weight);
      if (cacheStoreUse(tokens, task, h.i)) credit(areaEv, areaScore, ax, cite(h.ev, `cache-store:${h.ev.rule}`), h.sense.weight);
      // The store named as a running thing ("and Redis cluster") is operated too: database work.
      else if (STORE_DEPLOYMENT.has(tokens[h.i + 1]?.lower ?? '')) credit(areaEv, areaScore, ax, cite(h.ev, `store-deployment:${h.ev.rule}`), h.sense.weight);
      continue;
    }
    // A search engine that is upgraded, scaled or backed up is a data store (database work, §2); used
    // by a feature ("Apply Elasticsearch to filter products") it is backend.
    if (ax === AX_BACKEND && searchEngine(tokens, h) && storeOperation(tokens, task, h.i)) credit(areaEv, areaScore, AX_DATABASE, cite(h.ev, `data-store:${h.ev.rule}`), h.sense.weight);
    else if (h === observeVerb && h.weight < 1) credit(areaEv, areaScore, ax, cite(h.ev, `observe-verb:${h.ev.rule}`, 1), 1);
    else credit(areaEv, areaScore, ax, h.ev, h.sense.weight);
  }
  correctAreas(r, areaEv, areaScore);
  // "Deployment" as a noun adds CI/CD only when the deployment is what gets built (ROUTING §3).
  // An area named only by weak words counts only when no area is named strongly: a weak word
  // ("service", "view", "environment") is context, not a requirement, beside a clear one.
  // Two distinct weak words that agree ("deployment stages of the pipeline") name the area too.
  const strong = AREA_STRONG.fill(0);
  let nStrong = 0;
  for (let ax = 0; ax < AREA_IDS.length; ax++) {
    const list = areaEv[ax];
    // A weak release word naming the publishing of an artifact, or automated deployment, is release automation (CI/CD, §3).
    const publishing = ax === AX_CICD && list !== undefined && !hasFullWeight(list) && (releaseAutomation(tokens, r.classes, clauseIndex(tokens.length) /* filled by findHits */)
      // A pipeline that runs tests ("a flaky test reproducer pipeline") is a CI pipeline, not a data pipeline.
      || (areaEv[AX_TESTING] !== undefined && areaEv[AX_DATA] === undefined && list.some((e) => /^pipelines?$/i.test(e.phrase)))
      // So is one that security scanning or signing runs in ("Add trivy security scan to project pipeline",
      // "Sign images and SBOM for releases"): supply-chain checks in the delivery pipeline (dev-202, dev-030).
      || (namedInFull(areaEv, AX_SECURITY) && areaEv[AX_DATA] === undefined && list.some((e) => /^(pipelines?|releases?)$/i.test(e.phrase))));
    if (publishing) areaScore[ax] = Math.max(areaScore[ax]!, 1);
    // Clusters that a deployment goes to ("Deploy services to multiple zonal clusters", "Manage deployment using Argo CD
    // and Cluster templates") are the container platform's (§3), unless another technology names them ("Kafka cluster").
    const deployCluster = ax === AX_K8S && list !== undefined && !hasFullWeight(list) && deployedCluster(list, areaEv[AX_CICD], r.areaHits);
    if (deployCluster) areaScore[ax] = Math.max(areaScore[ax]!, 1);
    if (list && (hasFullWeight(list) || separateWeakPair(list) || publishing || deployCluster)) {
      strong[ax] = 1;
      nStrong++;
    }
  }
  const areas: AreaFinding[] = [];
  for (let ax = 0; ax < AREA_IDS.length; ax++) {
    const s = areaScore[ax]!;
    if (s >= 1 && (strong[ax] || nStrong === 0)) areas.push({ area: AREA_IDS[ax]!, score: Math.min(1, saturation(s)), evidence: areaEv[ax]! });
    else if (s > 0) for (const e of areaEv[ax]!) ignored.push(cite(e, `weak-only:${e.rule}`));
  }
  // With no area named outright, the one area weak words point to (a unique best score) is still a
  // better reading than "generalist": "non-production instances" is infrastructure work.
  let weakBest: AreaFinding | undefined;
  if (areas.length === 0) {
    let best = -1;
    let tie = false;
    // (Not a weak word inside a deliverable's name, "Architecture decision record", nor one read as a
    // verb after "to", "git tags to trigger publication".)
    for (let ax = 0; ax < AREA_IDS.length; ax++) {
      if (areaScore[ax]! <= 0) continue;
      let kept = 0;
      for (const e of areaEv[ax]!) if (!insideDeliverableName(r, e) && !verbAfterTo(r, e)) kept += e.weight;
      if (kept <= 0) { for (const e of areaEv[ax]!) ignored.push(cite(e, `weak-as-name-or-verb:${e.rule}`)); areaScore[ax] = 0; }
    }
    for (let ax = 0; ax < AREA_IDS.length; ax++) {
      const s = areaScore[ax]!;
      if (s <= 0) continue;
      if (best < 0 || s > areaScore[best]!) { best = ax; tie = false; } else if (s === areaScore[best]!) tie = true;
    }
    if (best >= 0 && !tie) weakBest = { area: AREA_IDS[best]!, score: Math.min(1, saturation(areaScore[best]!)), evidence: areaEv[best]!.map((e) => cite(e, `weak-best:${e.rule}`)) };
  }
  return { keep, areas, weakBest };
}

/** Whether token k, after a comma, continues a list of nouns rather than starting a new clause. */
function listGoesOn(task: string, tokens: readonly Token[], k: number): boolean {
  // The gap must be one comma and spaces (character codes: no slice per call).
  let commas = 0;
  for (let p = tokens[k - 1]!.end; p < tokens[k]!.start; p++) {
    const c = task.charCodeAt(p);
    if (c === 44) commas++;
    else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  if (commas !== 1) return false;
  const w = tokens[k]!.lower;
  if (SUBORDINATORS.has(w) || verbLike(tokens, k)) return false;
  return !((w === 'and' || w === 'or') && verbLike(tokens, k + 1));
}
/** Whether token i reads as a verb, or stands before a determiner ("…, and change the schema"). */
function verbLike(tokens: readonly Token[], i: number): boolean {
  return i < tokens.length && (verbAt(tokens, i) || DETERMINERS.has(tokens[i + 1]?.lower ?? ''));
}

/**
 * Words with an area's sense and another one, and the neighbours that choose the other: a scanner of barcodes is no
 * security scanner, an image file or a profile image is a picture and no container image, training classes are
 * people's, not a model's, a query parameter is part of a URL, not a database query, a GitHub or Dependabot alert
 * reports a vulnerability, not a monitoring alert, and "in the style of" compares, it styles nothing. Per word stem:
 * the words before it and after it that do so.
 */
const OTHER_SENSES: ReadonlyMap<string, { readonly before: ReadonlySet<string>; readonly after: ReadonlySet<string> }> = new Map([
  otherSenseEntry('scanner', ['barcode', 'qr', 'document', 'receipt', 'isbn', 'ticket', 'card'], []),
  otherSenseEntry('scan', ['barcode', 'qr', 'document', 'receipt', 'isbn', 'ticket'], []),
  otherSenseEntry('image', ['profile', 'cover', 'avatar', 'background', 'product', 'featured', 'hero', 'thumbnail', 'png', 'jpeg', 'jpg', 'svg'],
    ['file', 'upload', 'gallery', 'viewer', 'preview', 'editor', 'format', 'export', 'picker', 'crop', 'cropping', 'resize', 'resizing', 'caption', 'carousel', 'alt']),
  otherSenseEntry('training', ['employee', 'staff', 'user', 'customer', 'onboarding'], ['class', 'session', 'course', 'program', 'programme', 'material', 'schedule', 'video', 'plan']),
  otherSenseEntry('query', [], ['parameter', 'parameters', 'param', 'params', 'string']),
  otherSenseEntry('style', [], ['of']),
  otherSenseEntry('alert', ['github', 'dependabot', 'security', 'cve', 'vulnerability', 'snyk', 'codeql'], []),
]);
/** One OTHER_SENSES entry, as stems. */
function otherSenseEntry(word: string, before: readonly string[], after: readonly string[]): [string, { before: ReadonlySet<string>; after: ReadonlySet<string> }] {
  return [stem(word), { before: new Set(before.map(stem)), after: new Set(after.map(stem)) }];
}
/** Whether token i is a word of OTHER_SENSES with a neighbour choosing its other sense (or, for any of them, "as a(n)" before it). */
function otherSense(tokens: readonly Token[], i: number): boolean {
  const sense = OTHER_SENSES.get(tokens[i]!.stem);
  if (sense === undefined) return false;
  const prev = i > 0 && !tokens[i]!.clauseStart ? tokens[i - 1]! : undefined;
  if (prev && (sense.before.has(prev.stem) || ((prev.lower === 'a' || prev.lower === 'an') && tokens[i - 2]?.lower === 'as'))) return true;
  const next = tokens[i + 1];
  return next !== undefined && !next.clauseStart && sense.after.has(next.stem);
}

/** Business-domain words that often name a component ("the payments namespace", "the analytics database"). */
const DOMAIN_WORDS = new Set(['analytics', 'payments', 'payment', 'checkout', 'orders', 'order', 'billing', 'notification', 'notifications', 'search', 'reporting', 'inventory', 'users', 'user', 'auth', 'catalog', 'catalogue']);
/** Component nouns such a word can name. */
const COMPONENT_HEADS = new Set(['database', 'databases', 'db', 'cluster', 'namespace', 'bucket', 'topic', 'queue', 'queues', 'instance', 'table', 'tables', 'index', 'dashboard', 'schema', 'workers', 'worker']);
/** Whether hit h is a domain word naming which component follows ("the analytics Postgres database", "the payments namespace"). */
function domainModifier(tokens: readonly Token[], h: Hit, keep: readonly Hit[]): boolean {
  if (h.n !== 1 || !DOMAIN_WORDS.has(tokens[h.i]!.lower)) return false;
  for (let k = h.i + 1; k <= h.i + 2 && k < tokens.length; k++) {
    if (tokens[k]!.clauseStart) return false;
    // (The head, or a name between, must be another area's word: "the analytics Postgres database".)
    if (COMPONENT_HEADS.has(tokens[k]!.lower)) return keep.some((o) => o.sense.t === 'area' && o.sense.ax !== h.sense.ax && o.i > h.i && o.i <= k && k < o.i + o.n + 1);
  }
  return false;
}
/** Whether hit h stands after "as with", "similar to" or "same as" in its clause: a precedent named for comparison. */
function precedentOf(tokens: readonly Token[], h: Hit): boolean {
  for (let k = h.i - 1; k >= 1; k--) {
    const a = tokens[k - 1]!.lower;
    const b = tokens[k]!.lower;
    if ((a === 'as' && b === 'with') || (a === 'similar' && b === 'to') || (a === 'same' && b === 'as')) return true;
    if (tokens[k]!.clauseStart) return false;
  }
  return false;
}

/** Opening verbs (stems) of an operation on a running system, which a later symptom clause explains. */
const OPERATION_OPENERS = new Set(['roll', 'rollback', 'revert', 'restart', 'redeploy', 'scale', 'restore', 'downgrade', 'pin', 'failover', 'drain'].map(stem));
/**
 * Per clause index (1 = yes): clauses after the first that report a symptom ("v2.15.0 is returning 500s
 * on refunds"): a symptom word or an HTTP error status. Undefined when there is none.
 */
function symptomClauses(tokens: readonly Token[]): Uint8Array | undefined {
  const clauseOf = clauseIndex(tokens.length); // filled by findHits
  let out: Uint8Array | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const c = clauseOf[k]!;
    if (c === 0) continue;
    const t = tokens[k]!;
    if (SYMPTOM_STEMS.has(t.stem) || /^[45](\d\d|xx)s?$/.test(t.lower)) (out ??= new Uint8Array(clauseOf[tokens.length - 1]! + 1))[c] = 1;
  }
  return out;
}

/**
 * Whether hit h is one part of a hyphenated name no phrase covers ("payments-api", "user-activity",
 * "opentelemetry-instrumentation-fastapi", "ID-verification screen"): the compound names one thing,
 * a service, package or screen, whose parts are not areas of their own — when the text names some
 * area outside the compound. "Docker-based", "Kafka-backed" use the technology: those parts count.
 */
function hyphenNamePart(task: string, tokens: readonly Token[], h: Hit, keep: readonly Hit[]): boolean {
  const start = tokens[h.i]!.start;
  const end = tokens[h.i + h.n - 1]!.end;
  const joinedBefore = start > 1 && task.charCodeAt(start - 1) === 45 && /[A-Za-z0-9]/.test(task[start - 2]!);
  const joinedAfter = task.charCodeAt(end) === 45 && /[A-Za-z0-9]/.test(task[end + 1] ?? '');
  if (!joinedBefore && !joinedAfter) return false;
  if (joinedAfter && USE_SUFFIXES.test(task.slice(end + 1, end + 12))) return false;
  // The whole compound's extent, and whether another area hit lies outside it.
  let a = start;
  let b = end;
  while (a > 0 && /[A-Za-z0-9-]/.test(task[a - 1]!)) a--;
  while (b < task.length && /[A-Za-z0-9-]/.test(task[b]!)) b++;
  for (const k of keep) if (k.sense.t === 'area' && (tokens[k.i]!.start >= b || tokens[k.i + k.n - 1]!.end <= a)) return true;
  return false;
}

/** Whether the kept hits name, at full weight, some area other than `ax`. */
function otherAreaNamed(keep: readonly Hit[], ax: number): boolean {
  for (const k of keep) if (k.sense.t === 'area' && k.sense.ax !== ax && k.weight >= 1) return true;
  return false;
}

/**
 * Whether hit h only says where or with what the work happens: something that already exists ("using
 * the existing Helm chart") or the CI a symptom shows on ("times out intermittently on CI").
 */
function placeOnly(tokens: readonly Token[], h: Hit): boolean {
  const p1 = tokens[h.i - 1]?.lower;
  if (p1 === 'existing' || (tokens[h.i - 2]?.lower === 'existing' && !tokens[h.i - 1]!.clauseStart)) return true;
  if (h.n === 1 && tokens[h.i]!.lower === 'ci' && p1 === 'on') return true;
  // "scans to use the new staging environment URL": the environment names an address.
  if (ADDRESS_HEADS.has(tokens[h.i + h.n]?.lower ?? '')) return true;
  // The preposition before the hit, past one determiner ("to the …", "on each …"), if it is a place's.
  const k = p1 !== undefined && DETERMINERS.has(p1) ? h.i - 2 : h.i - 1;
  if (k < 0 || !PLACE_PREPS.has(tokens[k]!.lower)) return false;
  // "Provide an API on SPIRE Server": a named product's server the change lands on.
  if (HOST_PLACES.has(tokens[h.i + h.n]?.stem ?? '')) return true;
  // "Add Content Security Policy to the web server", "headers to the nginx config", "rate limit requests
  // in nginx": the host, web server or configuration file the change lands in.
  const last = tokens[h.i + h.n - 1]!.stem;
  return (HOST_PLACES.has(last) || (h.n > 1 && CONFIG_WORDS.has(last)) || CONFIG_WORDS.has(tokens[h.i + h.n]?.stem ?? '')) && !tokens[k + 1]!.clauseStart;
}
const PLACE_PREPS = new Set(['on', 'to', 'into', 'in', 'at']);

/** Second parts of a hyphenated compound that say the first part is used ("Docker-based"). */
const USE_SUFFIXES = /^(based|powered|backed|native|compatible|enabled|driven|ready|managed|hosted|only|first|specific|aware|related|relevant)\b/i;
/** Whether a named technology of another area ends right before hit h ("Jenkins server" is CI/CD, not backend). */
function namedBefore(keep: readonly Hit[], h: Hit): boolean {
  for (const k of keep) if (k.sense.t === 'area' && k.sense.tech && k.i + k.n === h.i && k.sense.ax !== h.sense.ax) return true;
  return false;
}

/** Name heads (stems) that a product's own interface takes ("the CloudFront endpoint", "BigQuery Storage Write API"). */
const API_HEADS = new Set(['api', 'endpoint']);
/**
 * Whether hit h is "API" or "endpoint" after a name of another area written as a name, with at most two
 * capitalised words of the product's API name between ("the CloudFront endpoint", "the Kubernetes Gateway API",
 * "BigQuery Storage Write API"): that product's interface, not the app's backend.
 */
function productApi(task: string, tokens: readonly Token[], keep: readonly Hit[], h: Hit): boolean {
  if (!API_HEADS.has(tokens[h.i]!.stem)) return false;
  for (let j = h.i - 1; j >= Math.max(0, h.i - 3); j--) {
    for (const k of keep) if (k.sense.t === 'area' && k.i + k.n === j + 1 && k.sense.ax !== h.sense.ax && k.i > 0 && (k.sense.tech || capitalised(task, tokens[j]!))) return true;
    if (tokens[j]!.clauseStart || !capitalised(task, tokens[j]!)) return false;
  }
  return false;
}

/**
 * Whether hit h is an example of a noun of another area ("heavy read endpoints like metrics", "queues
 * such as email sending"): the example names an instance of that noun, not an area of its own.
 */
function exampleOfOther(tokens: readonly Token[], h: Hit, areaAt: Uint8Array): boolean {
  let k = h.i - 1;
  if (k < 1 || tokens[h.i]!.clauseStart) return false;
  if (tokens[k]!.lower === 'like') k--;
  else if (tokens[k]!.lower === 'as' && tokens[k - 1]!.lower === 'such' && k >= 2) k -= 2;
  else return false;
  return areaAt[k] !== 0 && areaAt[k] !== h.sense.ax + 1;
}

/**
 * Whether a verb operating a data store (upgrade, scale, back up, restore, replicate, shard, reindex,
 * tune) stands up to six words before token i or three after it, in its sentence (a list's commas do
 * not end the verb's reach: "Scale web, OpenSearch, Postgres").
 */
function storeOperation(tokens: readonly Token[], text: string, i: number): boolean {
  for (let k = i; k >= Math.max(0, i - 6); k--) {
    if (STORE_OPERATIONS.has(tokens[k]!.stem)) return true;
    if (k > 0 && sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
  }
  for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
    if (sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
    if (STORE_OPERATIONS.has(tokens[k]!.stem)) return true;
  }
  return false;
}

/** Stems of a store's use as the app's cache or session store; `BROKER_USE` words outside it are a queue's. */
const CACHE_USE = new Set(['cache', 'caching', 'cached', 'session'].map(stem));
/**
 * Whether the key-value store at token i serves, in its sentence, as a cache or session store and not also as
 * a queue or job broker ("celery with rabbitmq and redis" is a broker; "a Redis caching layer" a cache).
 */
function cacheStoreUse(tokens: readonly Token[], text: string, i: number): boolean {
  let cache = false;
  const lo = sentenceStart(tokens, text, i);
  for (let k = lo; k < tokens.length; k++) {
    if (k > lo && sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
    if ((wordClasses(tokens[k]!) & C_BROKER_USE) === 0) continue;
    if (CACHE_USE.has(tokens[k]!.stem)) cache = true;
    else return false;
  }
  return cache;
}
/** Nouns after a key-value store's name that name the running store itself ("a Redis cluster"). */
const STORE_DEPLOYMENT = new Set(['cluster', 'clusters', 'instance', 'instances', 'server', 'servers', 'sentinel', 'replica', 'replicas']);
const RATE_STEM = stem('rate');
const LIMIT_STEM = stem('limit');
/** Whether "rate limit(ing)" stands in token i's sentence (a limiter or throttling word is a `BROKER_USE` word). */
function rateLimitInSentence(tokens: readonly Token[], text: string, i: number): boolean {
  for (let k = sentenceStart(tokens, text, i) + 1; k < tokens.length; k++) {
    if (sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
    if (tokens[k]!.stem === LIMIT_STEM && tokens[k - 1]!.stem === RATE_STEM) return true;
  }
  return false;
}

/**
 * Whether the text names release automation (ROUTING §3 CI/CD): a publishing word with a word naming a
 * built artifact or registry up to three tokens before or five after it in its clause ("Helm chart
 * publishing", "Publish the Python SDK to PyPI"), or an automating word up to three tokens before a
 * delivery word ("Automate deployment", "automatic way to build").
 */
function releaseAutomation(tokens: readonly Token[], classes: number, clauseOf: Uint32Array): boolean {
  const publish = (classes & C_PUBLISH) !== 0 && (classes & C_ARTIFACT) !== 0;
  const automate = (classes & C_AUTOMATE) !== 0 && (classes & C_DELIVERY) !== 0;
  if (!publish && !automate) return false;
  for (let i = 0; i < tokens.length; i++) {
    const ci = wordClasses(tokens[i]!);
    if (publish && (ci & C_PUBLISH) !== 0) {
      // Three words back ("Helm chart publishing"), five forward: the verb's object or destination ("Publish the Python SDK to PyPI").
      for (let k = Math.max(0, i - 3); k <= i + 5 && k < tokens.length; k++) {
        if (k !== i && (wordClasses(tokens[k]!) & C_ARTIFACT) !== 0 && clauseOf[k] === clauseOf[i]) return true;
      }
    }
    if (automate && (ci & C_AUTOMATE) !== 0) {
      for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) {
        if ((wordClasses(tokens[k]!) & C_DELIVERY) !== 0 && clauseOf[k] === clauseOf[i]) return true;
      }
    }
  }
  return false;
}

/** Evidence phrases of a cluster. */
const CLUSTER_WORD = /^clusters?$/i;
/**
 * Whether the weak Kubernetes evidence is only clusters that CI/CD evidence deploys to: a deployment named before
 * them, and no other area's full word right before a cluster ("Kafka cluster", "Vault cluster"; a weak word such as
 * "staging" leaves "staging cluster" a Kubernetes one).
 */
function deployedCluster(k8s: readonly Evidence[], cicd: readonly Evidence[] | undefined, areaHits: readonly Hit[]): boolean {
  if (cicd === undefined || !k8s.every((e) => CLUSTER_WORD.test(e.phrase))) return false;
  const deploy = cicd.find((e) => DEPLOY_WORD.test(e.phrase));
  if (deploy === undefined || deploy.start > k8s[0]!.start) return false;
  for (const e of k8s) for (const h of areaHits) if (h.ev.end < e.start && e.start - h.ev.end <= 1 && h.sense.t === 'area' && h.sense.weight >= 1) return false;
  return true;
}

/** Operations (stems) whose "test" is a drill on a running system ("restore test", "failover test"). */
const DRILLED_OPERATIONS = new Set(['restore', 'restoration', 'recovery', 'failover', 'backup', 'dr'].map(stem));
