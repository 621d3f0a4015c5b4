"""Link: the stage that works across articles, over what the store already holds.

It finds near-duplicates (copies of one wire story), one entity across articles
and stories (articles about the same happening). Every linker is incremental:
a new article meets only the candidates it could join, found through an index
kept in the store, so adding one article never recomputes the world; a relink
rebuilds everything from the stored analyses.
"""
