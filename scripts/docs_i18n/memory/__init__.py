"""Translation memory: what a language's catalogs remember, and the update that fills new messages from it."""
