package tongban.openness;

import tongban.support.OnOpenSearch;

/** The same cases and expected results as {@link SiteSearchIT}, with search on a real OpenSearch node (ADR 0048). */
@OnOpenSearch
class SiteSearchOnOpenSearchIT extends SiteSearchIT {
}
