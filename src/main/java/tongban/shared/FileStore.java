package tongban.shared;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where files (application materials, licence files) live: a local folder by default, object storage in production.
 * Files are addressed by an opaque id and carry their SHA-256; the content type is what {@link FileTypes} found in
 * the bytes, never what the uploader claimed.
 */
public interface FileStore {

	/** A stored file. */
	record Stored(String id, String sha256, long size, String contentType, String originalName) {
	}

	/** Stores the bytes; the caller has already checked their type and size. */
	Stored put(byte[] content, String contentType, String originalName);

	Optional<InputStream> open(String id);

	void delete(String id);
}
