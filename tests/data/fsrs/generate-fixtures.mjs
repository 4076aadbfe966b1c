// Generates the FSRS-6 reference fixtures that tests/unit/test_fsrs.cpp and
// tests/unit/test_replay.cpp check the C++ scheduler against. The reference is
// ts-fsrs v5 (fuzz off, FSRS-6 default parameters).
//
// Run it only to regenerate the fixtures (CI never does), then commit the output:
//
//   cd tests/data/fsrs
//   npm install            # installs ts-fsrs@5 into ./node_modules (never commit it)
//   node generate-fixtures.mjs
//
// Output, all in this folder:
//   fixtures.json         review sequences with ts-fsrs's state and interval after each step
//   replay-input.csv      a review log for claimdeck::replay_reviews
//   replay-expected.csv   what replaying that log with ts-fsrs gives
//
// Ratings and gaps are pseudo-random from a fixed seed, so a rerun with the
// same ts-fsrs version reproduces the files byte for byte.

import { writeFileSync } from "node:fs";
import { FSRSVersion, dateDiffInDays, fsrs, generatorParameters } from "ts-fsrs";

const here = new URL(".", import.meta.url);

// mulberry32: a tiny seeded PRNG, so the fixtures are reproducible.
function makeRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = makeRandom(20240601);
const randomInt = (low, high) => low + Math.floor(random() * (high - low + 1));

function makeScheduler(desiredRetention, maximumInterval) {
  const parameters = generatorParameters({
    enable_fuzz: false,
    request_retention: desiredRetention,
    maximum_interval: maximumInterval,
  });
  return fsrs(parameters);
}

// Replays (rating, elapsed_days) pairs; the first pair is the card's first
// review, so its elapsed_days is 0 and the memory state starts empty.
function runSequence(name, reviews, desiredRetention = 0.9, maximumInterval = 36500) {
  const scheduler = makeScheduler(desiredRetention, maximumInterval);
  let state = null;
  const steps = reviews.map(({ rating, elapsed_days }) => {
    state = scheduler.next_state(state, elapsed_days, rating);
    return {
      rating,
      elapsed_days,
      stability: state.stability,
      difficulty: state.difficulty,
      interval_days: scheduler.next_interval(state.stability, elapsed_days),
    };
  });
  return { name, desired_retention: desiredRetention, maximum_interval: maximumInterval, steps };
}

// A gap after a review: many same-day repeats, some short gaps, many near the
// scheduled interval (early or late) and some very long absences.
function randomGap(lastInterval) {
  const kind = random();
  if (kind < 0.35) return 0;
  if (kind < 0.5) return randomInt(1, 5);
  if (kind < 0.85) return Math.max(1, Math.round(lastInterval * (0.3 + random() * 1.4)));
  return randomInt(100, 5000);
}

function randomSequence(name, desiredRetention = 0.9) {
  const scheduler = makeScheduler(desiredRetention, 36500);
  const length = randomInt(1, 20);
  const reviews = [];
  let state = null;
  let interval = 0;
  for (let i = 0; i < length; i++) {
    const elapsed_days = i === 0 ? 0 : randomGap(interval);
    const rating = randomInt(1, 4);
    reviews.push({ rating, elapsed_days });
    state = scheduler.next_state(state, elapsed_days, rating);
    interval = scheduler.next_interval(state.stability, elapsed_days);
  }
  return runSequence(name, reviews, desiredRetention);
}

// The same rating repeated; each gap is either fixed or "the interval just given".
function repeatedSequence(name, rating, count, gap, desiredRetention = 0.9, maximumInterval = 36500) {
  const scheduler = makeScheduler(desiredRetention, maximumInterval);
  const reviews = [];
  let state = null;
  let interval = 0;
  for (let i = 0; i < count; i++) {
    const elapsed_days = i === 0 ? 0 : gap === "on time" ? interval : gap;
    reviews.push({ rating, elapsed_days });
    state = scheduler.next_state(state, elapsed_days, rating);
    interval = scheduler.next_interval(state.stability, elapsed_days);
  }
  return runSequence(name, reviews, desiredRetention, maximumInterval);
}

const sequences = [
  runSequence("first review again", [{ rating: 1, elapsed_days: 0 }]),
  runSequence("first review good", [{ rating: 3, elapsed_days: 0 }]),
  runSequence("first review hard", [{ rating: 2, elapsed_days: 0 }]),
  runSequence("first review easy", [{ rating: 4, elapsed_days: 0 }]),
  repeatedSequence("same-day again down to the stability floor", 1, 20, 0),
  repeatedSequence("same-day hard never lowers stability", 2, 12, 0),
  repeatedSequence("easy on time up to the maximum interval", 4, 20, "on time"),
  repeatedSequence("easy on time, retention 0.8, maximum interval", 4, 14, "on time", 0.8),
  repeatedSequence("good on time, maximum interval 365", 3, 10, "on time", 0.9, 365),
  repeatedSequence("again after long gaps pushes difficulty up", 1, 15, 400),
  repeatedSequence("easy every day pushes difficulty to 1", 4, 10, 1),
  runSequence("lapse after a long success streak", [
    { rating: 3, elapsed_days: 0 },
    { rating: 3, elapsed_days: 3 },
    { rating: 3, elapsed_days: 10 },
    { rating: 4, elapsed_days: 30 },
    { rating: 1, elapsed_days: 120 },
    { rating: 1, elapsed_days: 0 },
    { rating: 3, elapsed_days: 0 },
    { rating: 3, elapsed_days: 1 },
  ]),
];
for (let i = 1; i <= 40; i++) sequences.push(randomSequence(`random ${i}`));
for (const retention of [0.8, 0.95]) {
  for (let i = 1; i <= 3; i++) sequences.push(randomSequence(`random ${i}, retention ${retention}`, retention));
}

writeFileSync(
  new URL("fixtures.json", here),
  JSON.stringify(
    {
      generator: `generate-fixtures.mjs with ts-fsrs ${FSRSVersion}, fuzz off`,
      weights: generatorParameters().w,
      sequences,
    },
    null,
    1,
  ) + "\n",
);

// The replay log: two cards interleaved, same-day repeats, a pair of reviews
// either side of midnight UTC, fractional seconds and the +00:00 offset.
const replayRows = [
  ["capital-of-australia", "2021-09-01T10:00:00Z", 3],
  ["moon-landing-hoax", "2021-09-01T10:05:00Z", 1],
  ["moon-landing-hoax", "2021-09-01T10:15:30.250Z", 3],
  ["capital-of-australia", "2021-09-01T23:59:59Z", 2],
  ["moon-landing-hoax", "2021-09-02T00:00:01+00:00", 3],
  ["capital-of-australia", "2021-09-02T00:00:02.5+00:00", 4],
  ["moon-landing-hoax", "2021-09-05T08:00:00Z", 4],
  ["capital-of-australia", "2021-09-12T19:30:00Z", 1],
  ["capital-of-australia", "2021-09-12T19:40:00Z", 3],
  ["moon-landing-hoax", "2021-10-20T07:00:00.123456Z", 3],
  ["capital-of-australia", "2022-03-01T12:00:00Z", 3],
  ["moon-landing-hoax", "2024-02-29T12:00:00Z", 2],
];
const replayScheduler = makeScheduler(0.9, 36500);
const lastReview = new Map();
const expected = ["card,reviewed_at,rating,elapsed_days,stability,difficulty,interval_days"];
for (const [card, reviewedAt, rating] of replayRows) {
  const when = new Date(reviewedAt);
  const previous = lastReview.get(card);
  const elapsed = previous ? dateDiffInDays(previous.when, when) : 0;
  const state = replayScheduler.next_state(previous?.state ?? null, elapsed, rating);
  const interval = replayScheduler.next_interval(state.stability, elapsed);
  lastReview.set(card, { when, state });
  expected.push(
    [card, reviewedAt, rating, elapsed, state.stability.toFixed(8), state.difficulty.toFixed(8), interval].join(","),
  );
}
writeFileSync(
  new URL("replay-input.csv", here),
  ["card,reviewed_at,rating", ...replayRows.map((row) => row.join(","))].join("\n") + "\n",
);
writeFileSync(new URL("replay-expected.csv", here), expected.join("\n") + "\n");
