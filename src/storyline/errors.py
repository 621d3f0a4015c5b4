"""Every message storyline shows a user, each with a stable code.

Codes let users search for a problem and let tests pin behaviour without
matching prose. Raise built-in exception types with these messages, e.g.
``ValueError(Errors.E101.format(path=path))``; warnings get W-codes.
"""

from __future__ import annotations


class Errors:
    """Error messages: say what went wrong and what to do about it."""

    E101 = "{path}: file is empty. Nothing to ingest; remove it or check the scraper that wrote it."
    E102 = "{path}: looks like binary data ({kind}), not text, HTML or JSONL. Pass article files only."
    E103 = "{path}: file is {size} bytes, over the {limit}-byte limit (setting max_bytes). Split it or raise the limit."
    E104 = "{path}: no article text left after cleaning. Check that the file is an article page."
    E105 = "{path}: could not decode the bytes as text (tried {tried}). Convert it to UTF-8 first."
    E106 = "{path}: unknown format '{suffix}'. Use .txt, .html/.htm, .jsonl/.ndjson or a directory of them."
    E107 = "{path}: line {line} is not valid JSON ({detail}). Fix or remove that line; the other lines were read."
    E108 = "{path}: line {line} has neither a 'text' nor an 'html' field. Each JSONL line needs one of them."
    E109 = "{path}: no such file or directory."
    E110 = "{path}: metadata sidecar is not valid JSON ({detail})."
    E111 = "{path}: analysis failed ({detail}). This is a bug in storyline; please report it with the file."
    E112 = "{path}: could not be written to the store ({detail}). The rest of the batch was kept."
    E120 = "{path}: database schema version {found} is newer than this storyline ({supported}). Upgrade storyline."
    E121 = "{path}: no such database. Run 'storyline ingest PATH --db {path}' first."
    E122 = "Article '{ref}' not found in {path}. 'storyline export --db {path} --format csv' lists the ids."
    E130 = "Unknown export format '{fmt}'. Choose one of: {choices}."
    E131 = "Parquet export needs pyarrow. Install it with: pip install pyarrow"
    E132 = "Unknown table '{table}'. Choose one of: {choices}."
    E133 = "Parquet is a binary format: give a file with --out (or a folder with --table all)."
    E140 = "Unknown setting '{name}'. Known settings: {known}."
    E141 = "Setting '{name}' expects {expected}, got {value!r}."
    E142 = "{path}: settings file is not valid TOML ({detail})."
    E150 = "spaCy model '{name}' is not installed. Install it with: pip install {package}"
    E151 = "Unknown pipeline component '{name}'. Known components: {known}."
    E152 = (
        "Pipeline component '{name}' reads {missing}, which no earlier component fills. "
        "Put {providers} before it in the 'pipeline' setting."
    )
    E160 = (
        "No entity in {path} is called '{name}'. Names match by any form an article uses, "
        "case-insensitive, prefix ok; try the surname, "
        "or 'storyline show ARTICLE --db {path}' for an article's entities."
    )
    E162 = "Story '{ref}' not found (or the prefix is ambiguous) in {path}. 'storyline stories --db {path}' lists them."
    # -- reliability: hostile inputs and an unusable store (docs/reliability.md) --
    E190 = "{path}: could not be read ({detail}). Check that it is a readable file; the rest of the batch went on."
    E191 = "{path}: line {line} field '{field}' must be a string, not {kind}. Fix that line; the other lines were read."
    E192 = (
        "{path}: id '{id}' is already used by a different article ({other}). "
        "Give each article its own id; the article with that id was kept."
    )
    E193 = (
        "{path}: not a storyline database ({detail}); it was left untouched. "
        "Give another --db file (a new name creates one)."
    )
    E194 = (
        "{path}: database is locked by another process (waited {seconds} s). Wait for the other storyline "
        "to finish and run the same command again, or wait longer with --setting busy_timeout=SECONDS."
    )
    E195 = "{path}: cannot open or write the database ({detail}). Check that its folder exists and is writable."
    E196 = (
        "{path}: disk full ({detail}). The current batch was rolled back; everything committed before is kept. "
        "Free some space and run the same command again: it continues where it stopped."
    )
    E197 = "'{ref}' matches {count} articles in {path}: {candidates}. Give more of the id."
    E198 = "{path}: worker process died while analysing it (twice: {detail}). The rest of the batch went on."
    E199 = (
        "unexpected error ({detail}). The traceback is in {log}; please report it with that file. "
        "Run with --debug to see it here."
    )
    E161 = "Knowledge-base entity '{ref}' not found in {path}. 'storyline entity NAME --db {path}' finds one by name."
    # Fetching pages, feeds and archives (fetch.py, feeds.py, warc.py): the batch always goes on.
    E170 = "{url}: the server answered HTTP {status} {reason}. Check the address; the rest of the batch went on."
    E171 = "{url}: could not be fetched ({detail}). Check the address and the network; the rest went on."
    E172 = "{url}: no answer within {seconds} s (setting fetch_timeout). Try again later or raise the timeout."
    E173 = "{url}: response is over the {limit}-byte limit (setting max_bytes); the download was stopped."
    E174 = "{url}: more than {limit} redirects (setting max_redirects). Check the address."
    E175 = "{url}: only http:// and https:// addresses are fetched, not '{scheme}'."
    E176 = "{url}: not fetched: the site's robots.txt {why}."
    E177 = "{url}: content type '{content_type}' is neither an HTML page nor a feed or sitemap."
    E178 = "{url}: not a feed or sitemap storyline can read ({detail})."
    E179 = "{path}: broken WARC archive ({detail}); the records read before it were kept."

    # web pages and JSON API (present/web.py)
    E180 = (
        "Upload of {size} bytes is over the {limit}-byte limit. "
        "Send fewer or smaller files, or ingest them with 'storyline ingest'."
    )
    E181 = "No page at {path}. The home page lists the stories; /search finds articles, quotes and entities."
    E182 = "Bad request: {detail}."
    E183 = "Nothing to add: choose files to upload or paste an article's text."
    E184 = "The server failed on this page ({detail}). This is a bug in storyline; please report it."


class Warnings:
    """Warnings: something was kept but may be less than the user expects."""

    W204 = "{path}: skipped, not an article format (.txt, .html, .jsonl) in a folder being ingested."
    W205 = "{count} stored articles could not be linked ({detail}); they are kept. Run 'storyline relink'."
    W210 = "{path}: 'published' value {value!r} is not a valid date; stored as unknown (kept as published_raw)."
    W211 = "{path}: skipped ({reason})."
    W212 = "{path}: {detail}; replaced by U+FFFD. Check the text of this input."
    W213 = "{path}: {detail}, read as {codepage}. Check the accents and quotes of this input."
    W203 = "{path}: cleaning removed every line it was unsure of; the body may be incomplete."


class StorylineError(ValueError):
    """A ValueError that carries its code, so stored failures can be grouped.

    Example: ``raise StorylineError("E101", path=path)``.
    """

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        template = getattr(Errors, code, None) or getattr(Warnings, code)
        super().__init__(template.format(**fields))
