"""Article body and metadata from an HTML page, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class HtmlArticle:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def extract_html(html: str, url: str | None = None) -> HtmlArticle:
    """Main text plus title/date/site name from page metadata (missing stays None)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None:
        return HtmlArticle(text="", title=None, published=None, outlet=None, url=url)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return HtmlArticle(
        text=data.get("text") or "",
        title=data.get("title") or None,
        # trafilatura falls back to guessing dates from the page; only keep what metadata says
        published=data.get("date") or None,
        outlet=data.get("sitename") or None,
        url=data.get("url") or url,
    )
