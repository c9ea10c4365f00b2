#!/usr/bin/env python3
"""Writes the starter courses' practice tasks from the shared fixtures.

Every practice task is a real item of a real data set, copied exactly: the SST-2
sentence of a given line, the WNUT-17 sentence that starts on a given line (its tokens
joined by single spaces, as `labeldesk import --format conll` and the demo join them),
the PandaLM item at a given index of the JSON array, a chip of the SpaceNet Atlanta
image cut around a given focus. The key is the data set's own answer (SST-2's label,
WNUT-17's tags, the PandaLM annotators' unanimous preference, solaris' human-made
building footprints in `coco_sample_2.json`); the explanation is written here, by hand,
for a labeler. Each task's `meta` says where it came from, so Training/README.md's
provenance table can be checked against the files.

A chip is cut as LabelDesk's chipper cuts one (`SceneChipper`, as `imagery add` and a
chip list's import do): the focus grown by a margin of context on every side and cut at
the scene's edge, written by `gdal_translate -of COG -srcwin ... -co COMPRESS=DEFLATE`,
which keeps the georeferencing. The task's `image` is the chip as a leased task names
it (SHA-256, size, scene, chip and focus windows) and `meta.chip` its file; the key is
in the chip's pixels. Needs GDAL's command-line tools for the imagery course.

Run from the repository root:

    python3 Training/tools/make-practice.py /work/shared/fixtures

It rewrites the `practice/tasks.jsonl` of each course (and the imagery course's
`practice/chips/`); run `labeldesk course lint` afterwards.
"""
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FIXTURES = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/fixtures")
TRAINING = Path(__file__).resolve().parent.parent
ANNOTATOR = "course-key"

SST2_LABELS = {"0": "negative", "1": "positive"}


def sst2_lines():
    lines = (FIXTURES / "text/sst2.dev.txt").read_text(encoding="utf-8").split("\n")
    return {number: line for number, line in enumerate(lines, start=1) if line.strip()}


def sst2_task(lines, number, explanation, expected):
    label, sentence = lines[number].split(" ", 1)
    key = SST2_LABELS[label]
    if key != expected:
        raise SystemExit(f"sst2.dev.txt:{number}: the data set says {key}, the explanation was written for {expected}")
    return {
        "id": f"practice-sst2-dev-{number:04d}",
        "text": sentence.strip(),
        "meta": {"source": "SST-2 dev", "file": "text/sst2.dev.txt", "line": number, "explanation": explanation},
        "annotations": [{"answer": {"labels": [key]}, "annotator": ANNOTATOR, "ground_truth": True}],
    }


def wnut_sentences():
    """Sentences by the line their first token is on: (tokens, tags)."""
    sentences = {}
    current, start = [], None
    lines = (FIXTURES / "text/wnut17.dev.conll").read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines, start=1):
        parts = line.split("\t")
        if len(parts) != 2:
            if current:
                sentences[start] = current
            current, start = [], None
            continue
        if start is None:
            start = number
        current.append((parts[0], parts[1]))
    if current:
        sentences[start] = current
    return sentences


def wnut_task(sentences, line, explanation, expected):
    tokens = sentences[line]
    text, offsets = "", []
    for index, (token, _) in enumerate(tokens):
        if index > 0:
            text += " "
        offsets.append((len(text), len(text) + len(token)))
        text += token
    # IOB2: B- starts an entity, I- of the same type right after continues it.
    spans, previous = [], "O"
    for index, (_, tag) in enumerate(tokens):
        start, end = offsets[index]
        if tag.startswith("I-") and previous[2:] == tag[2:]:
            spans[-1]["end"] = end
        elif tag != "O":
            spans.append({"start": start, "end": end, "label": tag[2:]})
        previous = tag
    found = [(text[s["start"]:s["end"]], s["label"]) for s in spans]
    if found != expected:
        raise SystemExit(f"wnut17.dev.conll:{line}: the data set tags {found}, the explanation was written for {expected}")
    return {
        "id": f"practice-wnut17-dev-line-{line:05d}",
        "text": text,
        "meta": {"source": "WNUT-17 dev", "file": "text/wnut17.dev.conll", "line": line, "explanation": explanation},
        "annotations": [{"answer": {"spans": spans}, "annotator": ANNOTATOR, "ground_truth": True}],
    }


def pandalm_items():
    return json.loads((FIXTURES / "text/pandalm.testset-v1.json").read_text(encoding="utf-8"))


def pandalm_task(items, index, preference, strength, rationale, explanation):
    item = items[index]
    votes = {item["annotator1"], item["annotator2"], item["annotator3"]}
    wanted = {"a": 1, "b": 2, "tie": 0}[preference]
    if votes != {wanted}:
        raise SystemExit(f"pandalm.testset-v1.json[{index}]: the annotators said {sorted(votes)}, the key was written for {wanted}")
    instruction, given = item["instruction"], item.get("input", "")
    answer = {"preference": preference, "rationale": rationale}
    if strength is not None:
        answer["strength"] = strength
    return {
        "id": f"practice-pandalm-{index:04d}",
        "text": instruction if not given else instruction + "\n\n" + given,
        "responses": [item["response1"], item["response2"]],
        "meta": {
            "source": "PandaLM testset-v1", "file": "text/pandalm.testset-v1.json", "index": index, "idx": item["idx"],
            "models": item["cmp_key"], "explanation": explanation,
        },
        "annotations": [{"answer": {"comparison": answer}, "annotator": ANNOTATOR, "ground_truth": True}],
    }


# The chipper's margin for the demo's scenes (DemoWorkspace cuts with 32 pixels of context).
CHIP_MARGIN = 32
ATLANTA_SIZE = (900, 900)


def atlanta_footprints():
    """The bounding boxes of solaris' building footprints of sample_geotiff.tif, in its pixels, by id."""
    coco = json.loads((FIXTURES / "geo-labels/coco_sample_2.json").read_text(encoding="utf-8"))
    return {a["id"]: (a["bbox"][0], a["bbox"][1], a["bbox"][0] + a["bbox"][2], a["bbox"][1] + a["bbox"][3]) for a in coco["annotations"]}


def chip_window(focus):
    """The chip around a focus, as ChipLayout.placement makes it: grown by the margin, cut at the scene's edge."""
    x, y, w, h = focus
    left, top = max(0, x - CHIP_MARGIN), max(0, y - CHIP_MARGIN)
    right, bottom = min(ATLANTA_SIZE[0], x + w + CHIP_MARGIN), min(ATLANTA_SIZE[1], y + h + CHIP_MARGIN)
    return (left, top, right - left, bottom - top)


def atlanta_task(scene, footprints, task_id, focus, expected, explanation):
    """A task on a chip of the Atlanta image: the box of every footprint whose middle is in the focus
    is the key (what the gold scorer counts); `expected` are their ids, so a
    focus that catches another footprint, or cuts one off at the chip's edge, stops the script."""
    chip = chip_window(focus)
    cx, cy, cw, ch = chip
    fx, fy, fw, fh = focus
    keyed = []
    for fid, (x0, y0, x1, y1) in sorted(footprints.items()):
        middle = ((x0 + x1) / 2, (y0 + y1) / 2)
        overlaps_focus = x1 > fx and x0 < fx + fw and y1 > fy and y0 < fy + fh
        if fx <= middle[0] < fx + fw and fy <= middle[1] < fy + fh:
            if x0 < cx or y0 < cy or x1 > cx + cw or y1 > cy + ch:
                raise SystemExit(f"{task_id}: footprint {fid} runs off the chip; move the focus")
            keyed.append(fid)
        elif overlaps_focus:
            raise SystemExit(f"{task_id}: footprint {fid} reaches into the focus but its middle is outside; move the focus")
    if keyed != sorted(expected):
        raise SystemExit(f"{task_id}: the focus holds footprints {keyed}, the explanation was written for {sorted(expected)}")
    shapes = []
    for fid in keyed:
        x0, y0, x1, y1 = footprints[fid]
        shapes.append({"label": "building", "box": [round(x0 - cx, 2), round(y0 - cy, 2), round(x1 - cx, 2), round(y1 - cy, 2)]})
    chip_path = TRAINING / "boxes-and-polygons/practice/chips" / f"{task_id}.tif"
    chip_path.parent.mkdir(parents=True, exist_ok=True)
    # SceneChipper.translateArguments: the scene has no NITF security fields to carry.
    command = ["gdal_translate", "-q", "-of", "COG", "-srcwin", *map(str, chip), "-co", "COMPRESS=DEFLATE", str(scene), str(chip_path)]
    print(" ".join(command))
    subprocess.run(command, check=True)
    Path(str(chip_path) + ".aux.xml").unlink(missing_ok=True)
    data = chip_path.read_bytes()
    return {
        "id": task_id,
        "image": {
            "media": hashlib.sha256(data).hexdigest(), "bytes": len(data), "scene": "spacenet-atlanta.tif",
            "chip": list(chip), "focus": [fx - cx, fy - cy, fw, fh],
        },
        "meta": {
            "source": "SpaceNet Atlanta sample (solaris)", "file": "geo-labels/sample_geotiff.tif",
            "labels": "geo-labels/coco_sample_2.json", "footprints": keyed, "chip": f"chips/{task_id}.tif",
            "explanation": explanation,
        },
        "annotations": [{"answer": {"shapes": shapes}, "annotator": ANNOTATOR, "ground_truth": True}],
    }


def imagery_tasks():
    footprints = atlanta_footprints()
    with tempfile.TemporaryDirectory() as scratch:
        scene = Path(scratch) / "spacenet-atlanta.tif"
        shutil.copy(FIXTURES / "geo-labels/sample_geotiff.tif", scene)  # GDAL never writes beside the fixtures
        return [
            atlanta_task(scene, footprints, "practice-atlanta-box-1", (400, 100, 64, 120), [21, 22],
                         "Two houses in the bright part: the lower one is the clear grey roof; the upper one is darker, "
                         "half under tree shadow, and still a building. The roof at the top edge has its middle outside the "
                         "bright part, so it is context, not yours to box. Box each roof edge to edge."),
            atlanta_task(scene, footprints, "practice-atlanta-box-2", (470, 140, 96, 112), [27, 28],
                         "Two buildings one above the other along the drive: the small one at the top and the longer one "
                         "below it. Keep them as two boxes; one box over both would be a localisation error for each. "
                         "The roof below the bright part is the next task's."),
            atlanta_task(scene, footprints, "practice-atlanta-box-3", (190, 110, 96, 112), [15, 16],
                         "The big dark roof is one house, and the small square above its left end is a shed: small "
                         "buildings count too. A missed shed is a \"missed\" error, the one gold catches most."),
            atlanta_task(scene, footprints, "practice-atlanta-box-4", (740, 110, 96, 128), [36, 38],
                         "The dark rectangle is a house; the round roof below it is a building too, whatever its shape: "
                         "a box is the rectangle around it. The roof cut off at the top edge lies outside the bright part."),
            atlanta_task(scene, footprints, "practice-atlanta-box-5", (600, 580, 140, 80), [33, 35],
                         "Two buildings under trees: the dark block on the left and the flat light roof on the right, "
                         "whose bright edge is its sunlit side. A roof half hidden by leaves is still boxed whole, to where "
                         "its edges run, not only the part you can see."),
            atlanta_task(scene, footprints, "practice-atlanta-box-6", (380, 650, 64, 64), [17],
                         "One small building, a dark strip across the middle of the bright part, mostly in tree shadow. "
                         "Zoom in (+) when the picture is this dark: a wrong box costs as much as a missed one."),
        ]


def write(course, tasks):
    path = TRAINING / course / "practice/tasks.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for task in tasks:
            out.write(json.dumps(task, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{path.relative_to(TRAINING.parent)}: {len(tasks)} tasks")


def main():
    sst2 = sst2_lines()
    write("labeldesk-basics", [
        sst2_task(sst2, 8, "The reviewer praises the film (\"stunning\", \"considerable force and truth\"): press p or 2 to "
                  "choose positive, check the label shown, then press Enter to submit. Choosing and submitting are two keys, "
                  "so a slip costs a keystroke, not a wrong label.", "positive"),
        sst2_task(sst2, 177, "\"Do not see this film\" tells you the opinion at once: press n or 1 for negative, then Enter. If you "
                  "pressed the wrong label, press the right one before Enter; after Enter, u takes the submission back while it "
                  "is still on the station.", "negative"),
        sst2_task(sst2, 22, "\"Half-baked and overheated\" is criticism: n (or 1), then Enter. Short sentences are not harder; "
                  "read the whole line once, choose, submit.", "negative"),
    ])

    write("sentiment", [
        sst2_task(sst2, 12, "Every word praises the film: well-made, funny, entertaining. Positive.", "positive"),
        sst2_task(sst2, 1, "\"A string of cliches\" is a complaint about the whole film. Negative.", "negative"),
        sst2_task(sst2, 21, "\"Never heavy-handed\" denies a fault: the reviewer is saying the film handles its subject lightly. "
                  "A negated criticism is praise. Positive.", "positive"),
        sst2_task(sst2, 197, "\"You absolutely can't miss it\" is a recommendation, not a warning: the negation belongs to the "
                  "phrase \"can't miss\". Positive.", "positive"),
        sst2_task(sst2, 301, "\"You can't help but warmly extend your arms\" says the film wins you over whatever you meant to "
                  "feel. Positive.", "positive"),
        sst2_task(sst2, 225, "The sentence grants a few good moments, then \"but the movie doesn't quite fly\": the clause after "
                  "\"but\" is the verdict. Negative.", "negative"),
        sst2_task(sst2, 131, "It starts with a limitation (not for a mainstream audience), then \"but there is a certain charm\": "
                  "the verdict after \"but\" is favourable. Positive.", "positive"),
        sst2_task(sst2, 253, "\"Not since Tom Cruise in Risky Business has an actor made such a strong impression\": \"not since X\" "
                  "compares the film to a famous high point. Positive.", "positive"),
        sst2_task(sst2, 106, "The same \"not since X\" shape as the Tom Cruise sentence, but X is a famous failure and the film is "
                  "\"so painful to sit through\". The words around the pattern decide. Negative.", "negative"),
        sst2_task(sst2, 154, "\"A watchable movie\" sounds kind, but \"not quite the memorable experience it might have been\" is "
                  "the judgement: faint praise is a complaint. Negative.", "negative"),
        sst2_task(sst2, 27, "Sarcasm: offering you \"a real deal on leftover Enron stock\" says only a fool would believe the film. "
                  "Nothing in it praises the film. Negative.", "negative"),
        sst2_task(sst2, 260, "\"Not only ... but\" adds a second fault to the first: unfunny, and repellent too. Negative.", "negative"),
    ])

    wnut = wnut_sentences()
    write("entity-tagging", [
        wnut_task(wnut, 14, "Three places: the street \"Redondo Beach Blvd\" as one span (all three words, not the full stop), "
                  "then \"Gardena\" and \"Compton\" as two spans: the slash between them is not part of either.",
                  [("Redondo Beach Blvd", "location"), ("Gardena", "location"), ("Compton", "location")]),
        wnut_task(wnut, 34, "\"Rick and Morty\" is the title of a TV series: one creative-work span, \"and\" included, because "
                  "the title is the whole name. The emoji is not part of it.", [("Rick and Morty", "creative-work")]),
        wnut_task(wnut, 1290, "\"Clair de Lune\" is a piece of music: a creative-work, all three words.",
                  [("Clair de Lune", "creative-work")]),
        wnut_task(wnut, 1943, "\"Iphone 7\" is a product and its model number belongs to the name: one span over both words. "
                  "\"a dongle\" is an ordinary noun, not a named product.", [("Iphone 7", "product")]),
        wnut_task(wnut, 2307, "NBC is a television network, a company: corporation. Names in capitals or in the middle of a "
                  "question count the same as anywhere else.", [("NBC", "corporation")]),
        wnut_task(wnut, 3835, "eBay is the company that runs the marketplace: corporation. \"the paint trampoline\" is not a "
                  "product name.", [("eBay", "corporation")]),
        wnut_task(wnut, 4108, "\"Dodge Demon\" is a car model: product (the maker's name is part of the model's name here). "
                  "\"Fate of the Furious\" is a film: creative-work, all four words.",
                  [("Dodge Demon", "product"), ("Fate of the Furious", "creative-work")]),
        wnut_task(wnut, 4484, "\"Mrs . Doubtfire\" is a film: one creative-work span from \"Mrs\" to \"Doubtfire\", the full stop "
                  "inside the title included. \"Joan Collins\" is a person.",
                  [("Mrs . Doubtfire", "creative-work"), ("Joan Collins", "person")]),
        wnut_task(wnut, 4501, "Marty is a character, tagged person as the data set tags characters. \"Madagascar\" here is the "
                  "film Marty comes from, not the island: creative-work. The same word can be two types; the sentence decides.",
                  [("Marty", "person"), ("Madagascar", "creative-work")]),
        wnut_task(wnut, 4980, "Footballers and a club, written in lower case: Marcelo (person, both times), \"real madrid\" "
                  "(the club, a group, both words), ronaldo (person). Lower case does not make a name any less a name.",
                  [("Marcelo", "person"), ("real madrid", "group"), ("ronaldo", "person"), ("Marcelo", "person")]),
        wnut_task(wnut, 4997, "\"Tiny desk\" is a concert series: creative-work. Birdtalker is a band: group. \"NEEDS\" is "
                  "shouting, not a name.", [("Tiny desk", "creative-work"), ("Birdtalker", "group")]),
    ])

    write("boxes-and-polygons", imagery_tasks())

    pandalm = pandalm_items()
    write("comparing-answers", [
        pandalm_task(pandalm, 1, "a", 3, "A shortens the sentence as asked; B only repeats the input.",
                     "The instruction asks for a clearer, shorter sentence. B is the input copied word for word, so it does "
                     "not do the task at all; A does it (it drops a clause, but it is a real rewrite). A, much better."),
        pandalm_task(pandalm, 4, "b", 3, "A repeats one query six times; B gives four distinct queries.",
                     "A starts well, then repeats \"How to debug code?\" six times: a model stuck in a loop. B gives four "
                     "different, usable search queries. Repetition is a failure however long the answer looks. B, much better."),
        pandalm_task(pandalm, 23, "b", 3, "A stops after three words; B answers the question in full.",
                     "A is cut off after \"Some popular care\": an answer that stops mid-word answers nothing. B lists the "
                     "careers the article names. B, much better."),
        pandalm_task(pandalm, 29, "b", 3, "A lists Adaptability seven times; B names five real traits.",
                     "A's list repeats \"Adaptability\" from item 4 to item 10. B names five distinct traits that fit a "
                     "social media marketer. B, much better."),
        pandalm_task(pandalm, 46, "a", 2, "A is a coherent route; B jumps back and forth across Morocco.",
                     "Both give nine days. A is thin (five days in Essaouira) but it is a trip a family could take. B goes "
                     "Marrakech, Fes, Rabat, Casablanca, Rabat, Marrakech, Fes, Rabat, Casablanca: hundreds of kilometres a "
                     "day, back and forth, which is not light to moderate activity. A, clearly better."),
        pandalm_task(pandalm, 91, "tie", None, "Both say they have a lot of bread; the story says they have none.",
                     "Lucie says \"Nous n'avons pas de pain!\": they have no bread. Both answers say the opposite and differ "
                     "only in wording. Two equally wrong answers are a tie."),
        pandalm_task(pandalm, 117, "a", 2, "B's rules are wrong (numbers up to 18); A describes sudoku correctly.",
                     "Neither designs a puzzle, which is what was asked. A at least describes sudoku correctly; B says the "
                     "boxes hold the numbers 1 to 18 and that medium lies between easy and medium. A wrong fact weighs more "
                     "than a missing one. A, clearly better."),
        pandalm_task(pandalm, 132, "tie", None, "The same quote; only a comma and a semicolon differ.",
                     "Both give the same Churchill quote with the same attribution; one has a semicolon where the other has a "
                     "comma. Nothing a reader would care about separates them: a tie."),
        pandalm_task(pandalm, 136, "a", 2, "A names crime novels (one twice); B names a book that is not crime.",
                     "A's list repeats two titles, a flaw, but every title is a crime or mystery novel. B gives one book, "
                     "\"The Catcher in the Rye\", which is not crime or mystery at all: it fails the instruction. A, clearly better."),
    ])


if __name__ == "__main__":
    main()
