"""HTML to plain text, keeping block elements on their own lines (e-mail bodies, court texts)."""

from __future__ import annotations

import re

_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "blockquote", "pre")


def html_to_text(html: str) -> str:
    # imported here: BeautifulSoup takes ~60 ms to import, and every command (a cold
    # `svidok analyze` among them) imports the intake package that uses it
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
