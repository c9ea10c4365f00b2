"""Entity vectors for the CoNLL reader, computed by seqeval (pip install seqeval==1.2.2).

Run: python3 make_iob_vectors.py > iob_vectors.json
Each case is a tag sequence and the (type, first token, last token) entities seqeval's
get_entities finds in it; the Swift tests read the JSON and never run Python.
"""
import json
from seqeval.metrics.sequence_labeling import get_entities

cases = {
    "iob2": ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "O"],
    "iob1": ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "I-ORG"],
    "bioes": ["S-PER", "O", "B-LOC", "I-LOC", "E-LOC", "B-ORG", "E-ORG", "S-ORG"],
    "stray_inside_after_outside": ["O", "I-creative-work", "I-creative-work", "O", "B-person", "I-person"],
    "type_change_inside": ["B-PER", "I-LOC", "I-LOC", "O"],
    "end_without_begin": ["O", "E-PER", "O", "I-LOC", "E-LOC"],
    "multi_dash_types": ["B-creative-work", "I-creative-work", "B-group", "O"],
    "all_outside": ["O", "O", "O"],
    "ends_inside": ["O", "B-PER", "I-PER"],
}
import sys, os

if len(sys.argv) > 1 and sys.argv[1] == "wnut":
    # The real WNUT-17 dev file: every sentence's entities, so the reader is checked on
    # it too. Run: python3 make_iob_vectors.py wnut > wnut17_entities.json
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/fixtures/text/wnut17.dev.conll")
    sentences, tags = [], []
    for line in open(path, encoding="utf-8-sig"):
        line = line.rstrip("\n").lstrip("\ufeff")
        if not line.strip():
            if tags: sentences.append(tags)
            tags = []
            continue
        tags.append(line.split("\t")[-1])
    if tags: sentences.append(tags)
    print(json.dumps([[list(e) for e in get_entities(s)] for s in sentences]))
    sys.exit(0)

print(json.dumps([{"name": name, "tags": tags, "entities": [list(e) for e in get_entities(tags)]}
                  for name, tags in cases.items()], indent=1))
