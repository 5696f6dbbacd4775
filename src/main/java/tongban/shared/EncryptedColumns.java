package tongban.shared;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Columns of one of a module's tables that hold AES-GCM ciphertext under the data keys ({@link DataKeys},
 * {@link EncryptedText}). Each module declares its own as beans in its {@code internal} package, so that the nightly
 * re-encryption pass of a key rotation (docs/security.md) reaches every one of them without knowing any module's
 * tables; a column missing here would keep values under an old key for ever (KeyRotationIT finds such columns).
 *
 * @param table the table, with its module prefix
 * @param key the column that finds one row; when it is not unique, the pass also matches on the old ciphertext
 * @param columns the encrypted columns of the table
 */
public record EncryptedColumns(String table, String key, List<String> columns) {

	/** Names are written into SQL: only plain lower-case identifiers pass. */
	private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	public EncryptedColumns {
		columns = List.copyOf(columns);
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("no encrypted column of " + table);
		}
		Stream.concat(Stream.of(table, key), columns.stream()).forEach(name -> {
			if (name == null || !IDENTIFIER.matcher(name).matches()) {
				throw new IllegalArgumentException("not a plain SQL identifier: " + name);
			}
		});
	}

	/** The encrypted {@code columns} of {@code table}, whose rows are found by {@code key}. */
	public static EncryptedColumns of(String table, String key, String... columns) {
		return new EncryptedColumns(table, key, List.of(columns));
	}
}
