"""Web furniture that survives in plain-text exports of news pages, removed line by line.

Conservative on purpose: only whole lines go, only lines that no report would contain
("Advertisement", "Share this article", "Follow Simon Kent on Twitter: or e-mail to:"),
and the looser patterns ("Comments", "Share", "Tags: …") only in the trailing block of
the text. A line with a reporting verb ("said", "told", "according") is never furniture.
Credit lines stay: "AP contributed to this report" and "©2018 Los Angeles Times,
Distributed by Tribune Content Agency" name the outlets an article leans on. Removal
deletes lines and never edits one, so the kept text is some of the given lines, whole and
in order, and cleaning twice changes nothing.
"""

from __future__ import annotations

import re

MAX_LINE = 200  # furniture lines are short; a longer line is prose

_PLATFORMS = (r"(?:Twitter|X|Facebook|Instagram|LinkedIn|Telegram|Threads|Bluesky|Mastodon|TikTok"
              r"|YouTube|Gab|Parler|Truth Social|Google\+|WhatsApp)")
_NAME = r"(?:us|me|him|her|them|@\w+|[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|van|von|al|bin|la|le|del|da|and)){0,6})"
# what may follow "on Twitter" in a furniture line: handles, addresses, "or e-mail to:"
_CONTACT_TAIL = (r"(?:[\s:.,;|/()!-]|[@#][\w.]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|\b(?:and|or|at|on|to|via|"
                 r"here|directly|[Rr]each|[Ff]ollow|[Ee]-?mail|him|her|us|them|" + _PLATFORMS + r")\b)*")

# whole lines that are furniture wherever they stand (matched case-insensitively, except Follow)
_ANYWHERE = re.compile(
    r"""(?ix)
    (?: advertisements? | sponsored(?:\ content)? | story\ continues\ below(?:\ advertisement)?
      | continue\ reading(?:\ below)? | scroll\ to\ continue(?:\ with\ content)?
      | skip\ to\ (?:main\ )?content
      | please\ let\ us\ know\ if\ you(?:'|’)re\ having\ (?:issues|problems|trouble)\ with\ commenting\.?
      | share\ this(?:\ article|\ story|\ page|\ post)?\ *[:.!]?
      | (?:click\ to\ )?share\ (?:on|via)\ \w+(?:\ \(opens\ in\ new\ window\))?
      | (?:sign\ up|subscribe)(?:\ (?:today|now|here))?\ *[.!]?
      | (?:sign\ up|subscribe)\b[^"“”]{0,120}\b(?:newsletters?|inbox|e-?mail|podcast|youtube|channel
                                                 |here)\b[^"“”]{0,160}
      | click\ (?:here|below)\b[^"“”]{0,120}
      | read\ more(?:\ *:[^"“”]{0,180}|\ (?:here|at|on)\b[^"“”]{0,120}|\ *[.…]*)
      | related(?:\ articles?|\ stories|\ coverage|\ content|\ news|\ posts?)?\ *:[^"“”]{0,180}
      | related(?:\ articles?|\ stories|\ coverage|\ content|\ news|\ posts?)?
    )
    """
)
# "Follow NAME on Twitter…" as a whole line: a name, a platform, then only contact details,
# so that "Follow the money, she said" and "Follow Trump on Twitter and you'll see" stay
_FOLLOW = re.compile(r"(?:[Ff]ollow|FOLLOW)(?: " + _NAME + r" [Oo]n " + _PLATFORMS + r"\b| on " + _PLATFORMS
                     + r"\b| @\w+)" + _CONTACT_TAIL)
# a line that reports speech is never furniture ("Sign up now, police urged residents.")
_REPORTING = re.compile(r"\b(?:said|says|say|told|tells|according|urged|urges|warned|warns|asked|asks|announced"
                        r"|claimed|claims|added|adds|stated|states|reported|reports|wrote|writes)\b", re.IGNORECASE)
# looser furniture, removed only in the trailing block
_TRAILING = re.compile(
    r"""(?ix)
    (?: comments? | \d+\ comments? | leave\ a\ (?:comment|reply) | have\ your\ say | show\ comments
      | print | e-?mail | share | tweet | facebook | twitter | whatsapp | linkedin | reddit | pinterest
      | all\ rights\ reserved\.?
      | (?:tags|topics|filed\ under)\ *:[^"“”]{0,150}
      | back\ to\ top
    )
    """
)


def is_furniture(line: str) -> bool:
    """True for a line (without its line break) that is web furniture anywhere in a text.

    >>> is_furniture("Please let us know if you're having issues with commenting.")
    True
    >>> is_furniture("Follow Simon Kent on Twitter: or e-mail to:")
    True
    >>> is_furniture("AP contributed to this report")
    False
    """
    line = line.strip()
    if not line or len(line) > MAX_LINE or _REPORTING.search(line):
        return False
    return bool(_ANYWHERE.fullmatch(line) or _FOLLOW.fullmatch(line))


def _is_trailing_furniture(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > MAX_LINE or _REPORTING.search(line):
        return False
    return is_furniture(line) or bool(_TRAILING.fullmatch(line))


def strip_boilerplate(text: str) -> str:
    """``text`` without its furniture lines; lines are kept exactly, line breaks included.

    >>> strip_boilerplate("Rain fell.\\n\\nAdvertisement\\n\\nIt stopped.\\n\\nShare\\n")
    'Rain fell.\\n\\n\\nIt stopped.\\n'
    """
    lines = text.splitlines(keepends=True)
    # the trailing block: blank or furniture lines after the last line of reporting
    end = len(lines)
    while end and (not lines[end - 1].strip() or _is_trailing_furniture(lines[end - 1])):
        end -= 1
    if not any(line.strip() for line in lines[end:]):
        end = len(lines)  # only blank lines: the file's own ending, kept
    kept = [line for line in lines[:end] if not is_furniture(line)]
    if len(kept) == len(lines):
        return text
    return "".join(kept)
