"""The rules every tool shares: hash, record, page ids, languages, PO reader, front-matter, text I/O, errors."""
