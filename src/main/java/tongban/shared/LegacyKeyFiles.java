package tongban.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key files of an earlier version under {@code TONGBAN_DATA_DIR/keys} (the OIDC signing key, the seal key store, the
 * payment callback key): read once to import them into the database, the cluster's one source of truth (ADR 0045), then
 * renamed to {@code <name>.imported} so that they are no longer read, which the log says.
 */
public final class LegacyKeyFiles {

	private static final Logger log = LoggerFactory.getLogger(LegacyKeyFiles.class);

	private LegacyKeyFiles() {
	}

	/** The file's text, if there is such a file. */
	public static Optional<String> read(Path file) {
		try {
			return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the key file " + file, e);
		}
	}

	/** Renames an imported file to {@code <name>.imported} (nothing when there is none) and logs what became of it. */
	public static void setAside(Path file, String what) {
		if (!Files.exists(file)) {
			return;
		}
		Path aside = file.resolveSibling(file.getFileName() + ".imported");
		try {
			Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot set the imported key file " + file + " aside", e);
		}
		log.info("{}: {} is in the database now; the file is no longer read and was renamed to {}", what, file.getFileName(), aside);
	}
}
