package tongban.catalog;

import tongban.support.OnOpenSearch;

/** The same cases and expected results as {@link CatalogSearchIT}, with search on a real OpenSearch node (ADR 0048). */
@OnOpenSearch
class CatalogSearchOnOpenSearchIT extends CatalogSearchIT {
}
