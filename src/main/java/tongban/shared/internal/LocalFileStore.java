package tongban.shared.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tongban.shared.FileStore;
import tongban.shared.Hashes;
import tongban.shared.TongbanProperties;

/**
 * Files in {@code TONGBAN_DATA_DIR/files/<2 hex>/<id>}: written to a temporary name and moved into place, so a crash
 * never leaves half a file under a real id. Ids are random UUIDs; the hash is kept by the caller with the record.
 */
@Component
class LocalFileStore implements FileStore {

	private final Path root;

	LocalFileStore(TongbanProperties properties) {
		this.root = properties.dataDir().resolve("files");
	}

	@Override
	public Stored put(byte[] content, String contentType, String originalName) {
		String id = UUID.randomUUID().toString();
		Path target = path(id);
		try {
			Files.createDirectories(target.getParent());
			Path tmp = Files.createTempFile(target.getParent(), "upload", ".tmp");
			Files.write(tmp, content);
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Stored(id, Hashes.sha256Hex(content), content.length, contentType, originalName);
	}

	@Override
	public Optional<InputStream> open(String id) {
		if (!id.matches("[0-9a-f-]{36}")) {
			return Optional.empty();
		}
		try {
			Path p = path(id);
			return Files.exists(p) ? Optional.of(Files.newInputStream(p)) : Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void delete(String id) {
		try {
			Files.deleteIfExists(path(id));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Path path(String id) {
		return root.resolve(id.substring(0, 2)).resolve(id);
	}
}
