#!/usr/bin/env python3
"""Makes quality_vectors.json: figures from the reference libraries for DomainTests/Quality.

    pip install krippendorff shapely nervaluate crowd-kit statsmodels scikit-learn scipy tidecv
    python3 make_quality_vectors.py

Every case is seeded, so a run makes the same file. The Swift tests read the JSON and
must match each figure to 1e-9; they never run Python.

- Wilson: statsmodels proportion_confint(method="wilson"); z: scipy.stats.norm.isf.
- Cohen's kappa: scikit-learn cohen_kappa_score (unweighted, linear, quadratic).
- Fleiss' kappa: statsmodels fleiss_kappa (fleiss, randolph).
- Krippendorff's alpha: the krippendorff package (nominal, ordinal, interval, ratio; missing values).
- Spans: nervaluate 1.x Evaluator (strict, exact, partial, ent_type). nervaluate's ends are
  inclusive, ours exclusive, so `end - 1` goes in. Its pairing is greedy in list order;
  both sides go in sorted by (start, end, label), the order the Swift code uses.
- Shapes: shapely areas and IoU, scipy.optimize.linear_sum_assignment(maximize=True) on the
  IoU matrix with pairs of different classes or IoU below the threshold zeroed.
- TIDE error classes: tidecv's TIDERun (boxes), on cases where its greedy matching by score
  pairs the same shapes as the optimal matching (a person's shapes have no scores).
- Consensus: crowd-kit MajorityVote and DawidSkene (defaults n_iter=100, tol=1e-5), with
  and without true_labels. Probabilities are written by class value; a task whose top
  probability is tied is marked, as crowd-kit breaks ties by an internal column order.
"""
import json
import math
import os
import random

import krippendorff
import numpy as np
import pandas as pd
from crowdkit.aggregation import DawidSkene, MajorityVote
from nervaluate import Evaluator
from scipy.optimize import linear_sum_assignment
from scipy.stats import norm
from shapely.geometry import Polygon
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa
from statsmodels.stats.proportion import proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261201)


def finite(value):
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


# Wilson intervals and normal quantiles.
wilson = []
for count, nobs in [(0, 1), (1, 1), (0, 10), (10, 10), (5, 10), (1, 20), (19, 20), (7, 9), (48, 50), (3, 1000),
                    (500, 1000), (999, 1000), (2.5, 7), (12.75, 20)]:
    for confidence in [0.8, 0.9, 0.95, 0.99, 0.999]:
        low, high = proportion_confint(count, nobs, alpha=1 - confidence, method="wilson")
        wilson.append({"successes": count, "trials": nobs, "confidence": confidence, "lower": float(low), "upper": float(high)})
for _ in range(40):
    nobs = rng.randint(1, 400)
    count = rng.randint(0, nobs)
    low, high = proportion_confint(count, nobs, alpha=0.05, method="wilson")
    wilson.append({"successes": count, "trials": nobs, "confidence": 0.95, "lower": float(low), "upper": float(high)})
quantiles = [{"probability": p, "z": float(norm.ppf(p))}
             for p in [1e-12, 1e-6, 0.0005, 0.005, 0.01, 0.02425, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.99, 0.995, 0.9995, 1 - 1e-6]]

# Cohen's kappa.
cohen = []
for case in range(40):
    n = rng.randint(5, 60)
    k = rng.randint(2, 5)
    first = [rng.randrange(k) for _ in range(n)]
    second = [a if rng.random() < 0.6 else rng.randrange(k) for a in first]
    entry = {"first": first, "second": second}
    for weights in [None, "linear", "quadratic"]:
        entry[weights or "unweighted"] = finite(cohen_kappa_score(first, second, weights=weights))
    cohen.append(entry)
# Edge cases: perfect agreement, opposite, one label each, a constant rater.
for first, second in [([0, 1, 2, 0], [0, 1, 2, 0]), ([0, 1, 0, 1], [1, 0, 1, 0]), ([1, 1, 1], [1, 1, 1]),
                      ([0, 0, 0, 0], [0, 1, 0, 1]), ([2, 0, 1], [0, 1, 2])]:
    entry = {"first": first, "second": second}
    for weights in [None, "linear", "quadratic"]:
        with np.errstate(all="ignore"):
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                entry[weights or "unweighted"] = finite(cohen_kappa_score(first, second, weights=weights))
    cohen.append(entry)
sk_strings = {"first": ["negative", "positive", "negative", "neutral", "positive"],
              "second": ["negative", "positive", "negative", "neutral", "negative"],
              "unweighted": float(cohen_kappa_score(["negative", "positive", "negative", "neutral", "positive"],
                                                    ["negative", "positive", "negative", "neutral", "negative"]))}

# Fleiss' kappa.
fleiss = []
for case in range(30):
    items = rng.randint(3, 40)
    categories = rng.randint(2, 5)
    raters = rng.randint(2, 7)
    table = []
    for _ in range(items):
        favourite = rng.randrange(categories)
        row = [0] * categories
        for _ in range(raters):
            row[favourite if rng.random() < 0.55 else rng.randrange(categories)] += 1
        table.append(row)
    fleiss.append({"counts": table, "fleiss": finite(fleiss_kappa(np.array(table), method="fleiss")),
                   "randolph": finite(fleiss_kappa(np.array(table), method="randolph"))})
# Wikipedia's worked example (kappa 0.210).
wikipedia = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
             [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
fleiss.append({"counts": wikipedia, "fleiss": float(fleiss_kappa(np.array(wikipedia))),
               "randolph": float(fleiss_kappa(np.array(wikipedia), method="randolph"))})

# Krippendorff's alpha.
kripp = []
for case in range(40):
    raters = rng.randint(2, 6)
    units = rng.randint(4, 30)
    domain = sorted(rng.sample([1, 2, 3, 4, 5, 7, 10], rng.randint(2, 6)))
    truth = [rng.choice(domain) for _ in range(units)]
    data = []
    for _ in range(raters):
        row = []
        for u in range(units):
            if rng.random() < 0.2:
                row.append(None)
            else:
                row.append(truth[u] if rng.random() < 0.6 else rng.choice(domain))
        data.append(row)
    array = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
    entry = {"ratings": data}
    try:
        for level in ["nominal", "ordinal", "interval", "ratio"]:
            entry[level] = finite(krippendorff.alpha(reliability_data=array, level_of_measurement=level))
    except ValueError:
        continue
    kripp.append(entry)


# Spans through nervaluate.
def spans_in(entities):
    return [{"label": e[2], "start": e[0], "end": e[1] - 1} for e in sorted(entities)]


def random_spans(count, length, types):
    result = set()
    for _ in range(count):
        start = rng.randrange(0, length - 1)
        end = min(length, start + rng.randint(1, 12))
        result.add((start, end, rng.choice(types)))
    return sorted(result)


def perturb(key, length, types):
    answer = []
    for start, end, label in key:
        roll = rng.random()
        if roll < 0.35:
            answer.append((start, end, label))
        elif roll < 0.5:
            answer.append((start, end, rng.choice(types)))
        elif roll < 0.7:
            s = max(0, start + rng.randint(-3, 3))
            e = max(s + 1, min(length, end + rng.randint(-3, 3)))
            answer.append((s, e, label))
        elif roll < 0.8:
            s = max(0, start + rng.randint(-3, 3))
            e = max(s + 1, min(length, end + rng.randint(-3, 3)))
            answer.append((s, e, rng.choice(types)))
        # else: missed
    for _ in range(rng.randint(0, 2)):
        start = rng.randrange(0, length - 1)
        answer.append((start, min(length, start + rng.randint(1, 8)), rng.choice(types)))
    return sorted(set(answer))


span_cases = []
types = ["PER", "LOC", "ORG", "MISC"]
edge_span_cases = [([], []), ([(0, 5, "PER")], []), ([], [(0, 5, "PER")]), ([(0, 5, "PER")], [(0, 5, "PER")]),
                   ([(0, 5, "PER")], [(0, 5, "LOC")]), ([(0, 5, "PER")], [(1, 5, "PER")]), ([(0, 5, "PER")], [(2, 9, "LOC")]),
                   ([(0, 5, "PER"), (6, 9, "LOC")], [(0, 9, "PER")]), ([(0, 200, "PER")], [(199, 205, "PER")]),
                   ([(0, 4, "PER"), (0, 4, "LOC")], [(0, 4, "LOC")])]
for _ in range(80):
    length = rng.randint(20, 120)
    key = random_spans(rng.randint(0, 8), length, types)
    edge_span_cases.append((key, perturb(key, length, types)))
for key, answer in edge_span_cases:
    evaluator = Evaluator([spans_in(key)], [spans_in(answer)], tags=types, loader="dict")
    overall = evaluator.evaluate()["overall"]
    entry = {"key": [list(s) for s in key], "answer": [list(s) for s in answer]}
    for scheme, name in [("strict", "strict"), ("exact", "exact"), ("partial", "partial"), ("ent_type", "type")]:
        r = overall[scheme]
        entry[name] = {"correct": r.correct, "incorrect": r.incorrect, "partial": r.partial, "missed": r.missed,
                       "spurious": r.spurious, "precision": float(r.precision), "recall": float(r.recall), "f1": float(r.f1)}
    span_cases.append(entry)


# Shapes through shapely and linear_sum_assignment.
def star(cx, cy, radius, vertices):
    # Vertices sorted by angle about a centre: concave, and simple once shapely says so.
    while True:
        angles = sorted(rng.uniform(0, 2 * math.pi) for _ in range(vertices))
        ring = [[cx + math.cos(a) * radius * rng.uniform(0.3, 1.0), cy + math.sin(a) * radius * rng.uniform(0.3, 1.0)] for a in angles]
        if Polygon(ring).is_valid and Polygon(ring).area > 1:
            return ring


def rectilinear(x, y, step):
    # An L, U or T outline on a pixel grid: concave, with edges that line up with others'.
    kind = rng.choice(["L", "U", "T"])
    s = step
    if kind == "L":
        ring = [[0, 0], [2 * s, 0], [2 * s, s], [s, s], [s, 2 * s], [0, 2 * s]]
    elif kind == "U":
        ring = [[0, 0], [s, 0], [s, s], [2 * s, s], [2 * s, 0], [3 * s, 0], [3 * s, 2 * s], [0, 2 * s]]
    else:
        ring = [[0, 0], [3 * s, 0], [3 * s, s], [2 * s, s], [2 * s, 2 * s], [s, 2 * s], [s, s], [0, s]]
    return [[x + px, y + py] for px, py in ring]


def shape_json(shape):
    label, kind, points = shape
    if kind == "box":
        return {"label": label, "box": points}
    return {"label": label, "polygon": points}


def shape_polygon(shape):
    _, kind, points = shape
    if kind == "box":
        x0, y0, x1, y1 = points
        return Polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
    return Polygon(points)


def jitter_shape(shape, amount):
    label, kind, points = shape
    if kind == "box":
        return (label, kind, [p + rng.uniform(-amount, amount) for p in points])
    dx, dy = rng.uniform(-amount, amount), rng.uniform(-amount, amount)
    return (label, kind, [[x + dx, y + dy] for x, y in points])


def integer_shift(shape, amount):
    label, kind, points = shape
    dx, dy = rng.randint(-amount, amount), rng.randint(-amount, amount)
    if kind == "box":
        return (label, kind, [points[0] + dx, points[1] + dy, points[2] + dx, points[3] + dy])
    return (label, kind, [[x + dx, y + dy] for x, y in points])


classes = ["car", "roof", "tree"]
polygon_pairs = []
for _ in range(60):
    a = star(50, 50, 40, rng.randint(3, 12))
    b = star(50 + rng.uniform(-40, 40), 50 + rng.uniform(-40, 40), rng.uniform(10, 50), rng.randint(3, 12))
    polygon_pairs.append((a, b))
for _ in range(40):
    step = rng.randint(2, 10)
    a = rectilinear(rng.randint(0, 20), rng.randint(0, 20), step)
    b = rectilinear(rng.randint(0, 20), rng.randint(0, 20), rng.choice([step, rng.randint(2, 10)]))
    polygon_pairs.append((a, b))
square = [[0, 0], [10, 0], [10, 10], [0, 10]]
polygon_pairs += [(square, square), (square, [[0, 0], [0, 10], [10, 10], [10, 0]]), (square, [[10, 0], [20, 0], [20, 10], [10, 10]]),
                  (square, [[2, 2], [8, 2], [8, 8], [2, 8]]), (square, [[20, 20], [30, 20], [30, 30]]), (square, [[5, 0], [15, 0], [15, 10], [5, 10]]),
                  ([[0, 0], [10, 0], [10, 10], [5, 3], [0, 10]], [[0, 5], [10, 5], [10, 12], [0, 12]]),
                  ([[0, 0], [4, 0], [4, 4], [2, 1], [0, 4]], [[0, 0], [4, 0], [4, 4], [2, 1], [0, 4]])]
polygons = []
for a, b in polygon_pairs:
    pa, pb = Polygon(a), Polygon(b)
    assert pa.is_valid and pb.is_valid
    inter = pa.intersection(pb).area
    union = pa.area + pb.area - inter
    polygons.append({"a": a, "b": b, "intersection": float(inter), "iou": float(inter / union) if union > 0 else 0.0})

shape_cases = []
for case in range(70):
    kind = rng.choice(["box", "polygon", "mixed"])
    key = []
    for _ in range(rng.randint(0, 6)):
        cx, cy = rng.uniform(0, 200), rng.uniform(0, 200)
        use_box = kind == "box" or (kind == "mixed" and rng.random() < 0.5)
        if use_box:
            w, h = rng.uniform(5, 40), rng.uniform(5, 40)
            key.append((rng.choice(classes), "box", [cx, cy, cx + w, cy + h]))
        elif rng.random() < 0.5:
            key.append((rng.choice(classes), "polygon", star(cx, cy, rng.uniform(8, 30), rng.randint(3, 9))))
        else:
            key.append((rng.choice(classes), "polygon", rectilinear(rng.randint(0, 200), rng.randint(0, 200), rng.randint(3, 12))))
    answer = []
    for shape in key:
        roll = rng.random()
        if roll < 0.45:
            answer.append(jitter_shape(shape, 2))
        elif roll < 0.55:
            answer.append((rng.choice(classes),) + jitter_shape(shape, 2)[1:])
        elif roll < 0.7:
            answer.append(jitter_shape(shape, 12))
        elif roll < 0.8:
            answer.append(integer_shift(shape, 3))
            if rng.random() < 0.5:
                answer.append(jitter_shape(shape, 1))  # a duplicate
        # else missed
    for _ in range(rng.randint(0, 2)):
        cx, cy = rng.uniform(0, 200), rng.uniform(0, 200)
        answer.append((rng.choice(classes), "box", [cx, cy, cx + rng.uniform(5, 30), cy + rng.uniform(5, 30)]))
    rng.shuffle(answer)
    threshold = rng.choice([0.5, 0.5, 0.3, 0.75])
    polys_a = [shape_polygon(s) for s in answer]
    polys_k = [shape_polygon(s) for s in key]
    iou = np.zeros((len(answer), len(key)))
    for i, pa in enumerate(polys_a):
        for j, pk in enumerate(polys_k):
            inter = pa.intersection(pk).area
            union = pa.area + pk.area - inter
            iou[i, j] = inter / union if union > 0 else 0.0
    weights = np.where((iou >= threshold) & (np.array([[a[0] == k[0] for k in key] for a in answer], dtype=bool).reshape(iou.shape)), iou, 0.0)
    pairs = []
    if len(answer) and len(key):
        rows, cols = linear_sum_assignment(weights, maximize=True)
        pairs = [[int(r), int(c)] for r, c in zip(rows, cols) if weights[r, c] > 0]
    matched = len(pairs)
    mean_iou = float(np.mean([iou[r, c] for r, c in pairs])) if pairs else None
    shape_cases.append({
        "threshold": threshold, "answer": [shape_json(s) for s in answer], "key": [shape_json(s) for s in key],
        "iou": iou.tolist(), "pairs": sorted(pairs), "matched": matched,
        "precision": matched / len(answer) if answer else 0.0, "recall": matched / len(key) if key else 0.0,
        "f1": 2 * matched / (len(answer) + len(key)) if (answer or key) else 0.0, "mean_iou": mean_iou})


# TIDE's error classes through tidecv, on boxes.
from pycocotools import mask as mask_utils
from tidecv.data import Data
from tidecv.errors.main_errors import BackgroundError, BoxError, ClassError, DuplicateError, MissedError, OtherError
from tidecv.quantify import TIDERun

tide_names = {ClassError: "classification", BoxError: "localisation", OtherError: "classification and localisation",
              DuplicateError: "duplicate", BackgroundError: "background", MissedError: "missed"}
tide_cases = []
attempts = 0
while len(tide_cases) < 60 and attempts < 1000:
    attempts += 1
    key = []
    for _ in range(rng.randint(1, 5)):
        x, y = rng.uniform(0, 100), rng.uniform(0, 100)
        key.append((rng.randrange(3), [x, y, x + rng.uniform(8, 30), y + rng.uniform(8, 30)]))
    answer = []
    for label, (x0, y0, x1, y1) in key:
        roll = rng.random()
        w, h = x1 - x0, y1 - y0
        if roll < 0.3:
            d = rng.uniform(-1, 1)
            answer.append((label, [x0 + d, y0 + d, x1 + d, y1 - d]))
        elif roll < 0.45:
            answer.append(((label + rng.randint(1, 2)) % 3, [x0 + 0.5, y0, x1, y1 + 0.5]))
        elif roll < 0.6:
            answer.append((label if rng.random() < 0.6 else (label + 1) % 3, [x0 + w * 0.45, y0 + h * 0.3, x1 + w * 0.45, y1 + h * 0.3]))
        elif roll < 0.75:
            answer.append((label, [x0, y0, x1, y1 - 0.5]))
            answer.append((label, [x0 + 1, y0 + 1, x1 + 1, y1]))
        # else missed
    for _ in range(rng.randint(0, 2)):
        x, y = rng.uniform(150, 300), rng.uniform(150, 300)
        answer.append((rng.randrange(3), [x, y, x + 10, y + 10]))
    if not answer:
        continue
    scores = rng.sample(range(1, 1000), len(answer))
    xywh = lambda b: [b[0], b[1], b[2] - b[0], b[3] - b[1]]
    iou = mask_utils.iou([xywh(b) for _, b in answer], [xywh(b) for _, b in key], [False] * len(key))
    same = np.array([[a[0] == k[0] for k in key] for a in answer])
    # TIDE's greedy matching, by score
    greedy, used = set(), set()
    for i in sorted(range(len(answer)), key=lambda i: -scores[i]):
        row = [iou[i, j] if same[i, j] and j not in used else 0 for j in range(len(key))]
        j = int(np.argmax(row))
        if row[j] >= 0.5:
            greedy.add((i, j))
            used.add(j)
    weights = np.where(same & (iou >= 0.5), iou, 0.0)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    optimal = {(int(r), int(c)) for r, c in zip(rows, cols) if weights[r, c] > 0}
    near_threshold = np.any(np.abs(iou - 0.5) < 1e-9) or np.any(np.abs(iou - 0.1) < 1e-9)
    if greedy != optimal or near_threshold:
        continue
    gt, preds = Data("key"), Data("answer")
    for label, box in key:
        gt.add_ground_truth(0, label, xywh(box))
    for (label, box), score in zip(answer, scores):
        preds.add_detection(0, label, score / 1000, xywh(box))
    run = TIDERun(gt, preds, 0.5, 0.1, "bbox", 100, True)
    counts = {tide_names[kind]: len(errors) for kind, errors in run.error_dict.items() if errors}
    tide_cases.append({"key": [{"label": str(l), "box": b} for l, b in key],
                       "answer": [{"label": str(l), "box": b} for l, b in answer], "errors": counts})

# Consensus through crowd-kit.
def consensus_case(tasks, people, classes_count, skills, coverage, gold_share, seed):
    local = random.Random(seed)
    truth = [local.randrange(classes_count) for _ in range(tasks)]
    rows = []
    for t in range(tasks):
        for p in range(people):
            if local.random() < coverage:
                label = truth[t] if local.random() < skills[p] else local.randrange(classes_count)
                rows.append((t, p, label))
    data = pd.DataFrame(rows, columns=["task", "worker", "label"])
    assert sorted(data.label.unique()) == list(range(classes_count))
    gold = {t: truth[t] for t in range(tasks) if local.random() < gold_share}
    return truth, data, gold


def by_class(probas, classes_count):
    result = {}
    for task, row in probas.iterrows():
        values = [float(row.get(c, 0.0)) for c in range(classes_count)]
        top = max(values)
        result[int(task)] = {"p": values, "tied": sum(1 for v in values if abs(v - top) < 1e-12) > 1}
    return result


consensus = []
for seed, (tasks, people, classes_count, coverage, gold_share) in enumerate(
        [(200, 5, 3, 0.9, 0.0), (150, 7, 4, 0.6, 0.0), (300, 4, 2, 1.0, 0.0), (200, 5, 3, 0.8, 0.2), (120, 6, 5, 0.7, 0.3)]):
    local = random.Random(1000 + seed)
    skills = [local.uniform(0.35, 0.95) for _ in range(people)]
    truth, data, gold = consensus_case(tasks, people, classes_count, skills, coverage, gold_share, 2000 + seed)
    mv = MajorityVote().fit_predict_proba(data)
    ds = DawidSkene()
    true_labels = pd.Series(gold) if gold else None
    ds_probas = ds.fit_predict_proba(data, true_labels) if gold else ds.fit_predict_proba(data)
    errors = {}
    for (worker, label), row in ds.errors_.iterrows():
        errors[f"{int(worker)} {int(label)}"] = [float(row.get(c, 0.0)) for c in range(classes_count)]
    consensus.append({
        "tasks": tasks, "people": people, "classes": classes_count,
        "votes": data[["task", "worker", "label"]].values.tolist(), "gold": {str(k): v for k, v in gold.items()},
        "majority": {str(k): v for k, v in by_class(mv, classes_count).items()},
        "dawid_skene": {str(k): v for k, v in by_class(ds_probas, classes_count).items()},
        "priors": [float(ds.priors_.get(c, 0.0)) for c in range(classes_count)],
        "errors": errors, "iterations": len(ds.loss_history_), "lower_bounds": [float(x) for x in ds.loss_history_]})

# Dawid and Skene's own data (classes 1-4 become 0-3).
table = pd.read_csv(os.path.join(HERE, "../../../../shared/fixtures/crowd/dawid_skene_1979_anaesthetists.csv")) \
    if os.path.exists(os.path.join(HERE, "../../../../shared/fixtures/crowd/dawid_skene_1979_anaesthetists.csv")) \
    else pd.read_csv("/work/shared/fixtures/crowd/dawid_skene_1979_anaesthetists.csv")
paper = pd.DataFrame({"task": table.patient - 1, "worker": table.observer - 1, "label": table.rating - 1})
ds = DawidSkene()
paper_probas = ds.fit_predict_proba(paper)
anaesthetists = {"priors": [float(ds.priors_[c]) for c in range(4)], "iterations": len(ds.loss_history_),
                 "dawid_skene": {str(k): v for k, v in by_class(paper_probas, 4).items()},
                 "majority": {str(k): v for k, v in by_class(MajorityVote().fit_predict_proba(paper), 4).items()}}

vectors = {"wilson": wilson, "quantiles": quantiles, "cohen": cohen, "cohen_strings": sk_strings, "fleiss": fleiss,
           "krippendorff": kripp, "spans": span_cases, "polygons": polygons, "shapes": shape_cases, "tide": tide_cases,
           "consensus": consensus, "anaesthetists": anaesthetists}
with open(os.path.join(HERE, "quality_vectors.json"), "w") as out:
    json.dump(vectors, out, separators=(",", ":"), sort_keys=True)
    out.write("\n")
print({k: len(v) for k, v in vectors.items()})
