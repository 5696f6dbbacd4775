package tongban.shared.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import tongban.shared.FileStore;
import tongban.shared.Hashes;
import tongban.shared.TongbanProperties;

/**
 * Files in {@code TONGBAN_DATA_DIR/files/<2 hex>/<id>}: written to a temporary name and moved into place, so a crash
 * never leaves half a file under a real id. Ids are random UUIDs; the hash is kept by the caller with the record. The
 * store of one node: with {@code TONGBAN_S3_BUCKET} set, {@link S3FileStore} takes its place.
 */
@Component
@Conditional(ObjectStoreSettings.NotConfigured.class)
class LocalFileStore implements FileStore, StoreProbe {

	private final Path root;

	LocalFileStore(TongbanProperties properties) {
		this.root = properties.dataDir().resolve("files");
	}

	@Override
	public Stored put(byte[] content, String contentType, String originalName) {
		String id = FileIds.next();
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
		if (!FileIds.valid(id)) {
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
		if (!FileIds.valid(id)) {
			return;
		}
		try {
			Files.deleteIfExists(path(id));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Readiness: the folder is there (or can be made) and can be written. */
	@Override
	public Map<String, Object> probe() {
		try {
			Files.createDirectories(root);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!Files.isWritable(root)) {
			throw new IllegalStateException("the files folder cannot be written");
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("store", "local");
		return details;
	}

	private Path path(String id) {
		return root.resolve(FileIds.relative(id));
	}
}
