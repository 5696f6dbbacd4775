package tongban.shared;

/** Marker that the platform runs on its own embedded PostgreSQL (so demo data loads by default). */
public interface EmbeddedDatabase {

	String jdbcUrl();
}
