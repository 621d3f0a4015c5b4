"""Linking: what stored articles have in common across outlets and days.

The link stage runs over stored analyses, after ``store`` and before
``compare``: it finds near-duplicate copies of one story (so copies count as
one origin), the same entity named in different articles, and the stories
that articles belong to. It is incremental: a new article meets only the
candidates it could join (an index lookup), never the whole corpus, and a
full rebuild gives the same links.
"""
