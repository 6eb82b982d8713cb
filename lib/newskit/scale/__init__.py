"""Running the text layer over many documents: one dispatcher (this
process, a process pool or Dask), one token cache, and streaming counts
built on the same loader and counters."""

from newskit.scale.cache import CacheWarning
from newskit.scale.pool import shutdown_pool
from newskit.scale.streaming import StreamOptions, count_mentions_streaming, count_terms_streaming
from newskit.scale.tokenize import RunSettings, tokenize_corpus

__all__ = ["CacheWarning", "RunSettings", "StreamOptions", "count_mentions_streaming", "count_terms_streaming",
           "shutdown_pool", "tokenize_corpus"]
