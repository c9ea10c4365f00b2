# Review histories scheduled by the `fsrs` package (PyPI, 6.3.2), for FSRSTests.
# Run: python3 make_fsrs_vectors.py > fsrs_vectors.json
# Each history is a seeded list of reviews (rating 1-4, seconds since the previous
# review); after each, the card as fsrs leaves it. Fuzzing off (it is random), the
# default parameters, desired retention 0.9, and one history at retention 0.8 with
# other steps, so the scheduler's settings are covered too.
import json, random
from datetime import datetime, timedelta, timezone
from fsrs import Scheduler, Card, Rating

start = datetime(2026, 12, 1, 9, 0, 0, tzinfo=timezone.utc)

def history(rng, length):
    reviews = []
    for _ in range(length):
        rating = rng.choices([1, 2, 3, 4], weights=[2, 2, 5, 1])[0]
        gap = rng.choice([30, 60, 600, 3600, 6 * 3600, 86400, 3 * 86400, 10 * 86400, 40 * 86400, 200 * 86400])
        reviews.append((rating, gap + rng.randint(0, 3600)))
    return reviews

def run(scheduler, reviews):
    card = Card(card_id=1, due=start)
    now = start
    steps = []
    for rating, gap in reviews:
        now = now + timedelta(seconds=gap)
        card, _ = scheduler.review_card(card, Rating(rating), review_datetime=now)
        steps.append({
            "rating": rating, "after": gap, "state": int(card.state), "step": card.step,
            "stability": card.stability, "difficulty": card.difficulty,
            "due": (card.due - start).total_seconds(),
        })
    return steps

rng = random.Random(2026)
cases = []
default = Scheduler(enable_fuzzing=False)
for index in range(40):
    reviews = history(rng, rng.randint(1, 12))
    cases.append({"retention": 0.9, "learning": [60, 600], "relearning": [600], "maximum": 36500, "steps": run(default, reviews)})
other = Scheduler(desired_retention=0.8, learning_steps=(timedelta(minutes=5),), relearning_steps=(timedelta(minutes=5), timedelta(hours=1)),
                  maximum_interval=365, enable_fuzzing=False)
for index in range(10):
    reviews = history(rng, rng.randint(3, 12))
    cases.append({"retention": 0.8, "learning": [300], "relearning": [300, 3600], "maximum": 365, "steps": run(other, reviews)})
print(json.dumps({"source": "fsrs 6.3.2 Scheduler(enable_fuzzing=False)", "start": start.isoformat(), "cases": cases}, indent=1))
