"""Link: facts across articles, over the stored analyses.

Each analysis is a pure function of one article; this stage connects them:
near-duplicate pages (copies of one wire story are one origin), one
knowledge-base entity for the many names an entity goes by in different
articles, and stories. Linking is incremental: a new article meets only the
candidates it could join (found through indexed keys), never the whole
knowledge base. The stage reads and writes through ``store.Store`` and never
imports ``ingest`` or ``present``.
"""
