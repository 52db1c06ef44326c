"""displaCy pictures of a processed doc: entities, and relation arcs sentence by sentence."""
from __future__ import annotations

import os
from pathlib import Path

from spacy import displacy
from spacy.tokens import Doc

COLORS = {"LOCATION": "#7aecec", "PARTNER": "#bfeeb7", "MONEY": "#e4e7d2", "PERCENT": "#feca74",
          "PERIOD": "#bfe1d9", "FLOW": "#aa9cfc", "PRODUCT": "#ffeb80", "RANK": "#ff9561"}


def relation_sentences(doc: Doc, threshold: float = 0.5) -> list[dict]:
    """displaCy "dep" manual data: one picture per sentence that holds a relation."""
    from .pipeline.docindex import sentence_span

    relations = doc._.trade_relations or {}
    ents = {e.start: e for e in doc.ents}
    by_sentence: dict[int, list[tuple]] = {}
    for (hs, cs), scores in relations.items():
        label, score = max(scores.items(), key=lambda kv: kv[1]) if scores else ("", 0)
        if score >= threshold and hs in ents and cs in ents:
            sent = sentence_span(doc, ents[hs])
            by_sentence.setdefault(sent.start, []).append((ents[hs], ents[cs], label))
    pictures = []
    for start, rels in sorted(by_sentence.items()):
        sent = sentence_span(doc, rels[0][0])
        words, index, i = [], {}, sent.start
        while i < sent.end:
            ent = ents.get(i)
            if ent is not None and ent.end <= sent.end:
                index[ent.start] = len(words)
                words.append({"text": ent.text, "tag": ent.label_})
                i = ent.end
            else:
                if not doc[i].is_space:
                    words.append({"text": doc[i].text, "tag": ""})
                i += 1
        arcs = []
        for head, child, label in rels:
            a, b = index[head.start], index[child.start]
            arcs.append({"start": min(a, b), "end": max(a, b), "label": label,
                         "dir": "right" if b > a else "left"})
        pictures.append({"words": words, "arcs": arcs})
    return pictures


def render_html(doc: Doc, *, path: str | os.PathLike | None = None,
                jupyter: bool | None = None) -> str:
    ents_html = displacy.render(doc, style="ent", options={"colors": COLORS}, jupyter=False)
    rel_html = "".join(displacy.render(p, style="dep", manual=True, jupyter=False,
                                       options={"compact": True, "distance": 110})
                       for p in relation_sentences(doc))
    body = f"<h3>Entities</h3>{ents_html}<h3>Relations</h3>{rel_html or '<p>none</p>'}"
    if path is not None:
        page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>tradeie</title></head>"
                f"<body style='font-family:sans-serif'>{body}</body></html>")
        Path(path).write_text(page, encoding="utf-8")
    if jupyter is None:
        jupyter = displacy.is_in_jupyter()
    if jupyter:
        from IPython.display import HTML, display

        display(HTML(body))
    return body


__all__ = ["render_html", "relation_sentences"]
