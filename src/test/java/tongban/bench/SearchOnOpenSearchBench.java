package tongban.bench;

import tongban.support.OnOpenSearch;

/**
 * {@link SearchBench} with search on a real OpenSearch node (ADR 0048): bench/search-cluster.sh runs both in one JVM, so
 * the embedded Lucene figures are the same-run baseline.
 */
@OnOpenSearch
class SearchOnOpenSearchBench extends SearchBench {
}
