"""How the per-article stages scale with one very long article: a made-up interview of
N question-and-answer rounds (about 165 characters each), through the tagger, spaCy's
NER, and the speaker rules (speakers, interview questions and answers).

    python bench/long_article.py [--rounds 3000]

Speaker resolution once had rules that read every person of the article for every
pronoun: on 3,000 rounds (496 KB) they took 22.3 s, as long as the tagger; they now look
only at the persons near each source, and read the article once (0.7 s).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newstrace.extract import extract_spans  # noqa: E402
from newstrace.extract.nlp import analyse  # noqa: E402
from newstrace.extract.speakers import asked_in_interview, interview_answers, resolve_speakers  # noqa: E402


def interview(rounds: int) -> str:
    return "".join(
        f"((WN)) What do you think about item {i}?\n\n"
        f"((Ann Lee)) I think item {i} is fine and we agree, said Ann Lee of Boston.\n\n"
        f"Ann Lee: more words here about it, she said.\n\n"
        for i in range(rounds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3000)
    args = parser.parse_args()
    text = interview(args.rounds)
    t0 = time.perf_counter()
    [spans] = extract_spans([text])
    t1 = time.perf_counter()
    doc = analyse(text)
    t2 = time.perf_counter()
    speakers = resolve_speakers(text, spans, doc)
    asked = asked_in_interview(text, spans, doc)
    answers = interview_answers(text, doc)
    t3 = time.perf_counter()
    print(f"article: {len(text):,} characters, {args.rounds} rounds; {len(spans)} attributions tagged, "
          f"{sum(asked)} in questions, {len(answers)} answers, {sum(s is not None for s in speakers)} speakers")
    print(f"tagger {t1 - t0:.2f} s; NER {t2 - t1:.2f} s; speaker rules {t3 - t2:.2f} s (one process)")


if __name__ == "__main__":
    main()
