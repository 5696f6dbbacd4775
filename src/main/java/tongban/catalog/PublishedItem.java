package tongban.catalog;

import java.time.Instant;

/** The published version of an item: its guide as of {@code publishedAt}, version {@code version}. */
public record PublishedItem(String code, int version, Instant publishedAt, Instant reviewedAt, ServiceGuide guide) {
}
