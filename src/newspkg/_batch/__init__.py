"""Batches: records from archives (WARC, JSON Lines, folders), read on N processes, as JSON Lines.

``records`` (what a record and a result are), ``inputs`` (where records come from),
``process`` (one record to one result), ``runner`` (ordered, bounded, multi-process map),
``read`` (`read_batch`, the public entry), ``outputs`` (JSON lines and the tally),
``archive`` (a deterministic synthetic WARC for tests and benchmarks).
"""
