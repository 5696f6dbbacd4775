package tongban.shared;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where files (application materials, licence files) live: a local folder by default, object storage in production.
 * Files are addressed by an opaque id and carry their SHA-256; the content type is what {@link FileTypes} found in
 * the bytes, never what the uploader claimed.
 */
public interface FileStore {

	/**
	 * The store cannot be reached (the object storage is down or refuses the platform's credentials): nothing was stored
	 * or read. Pages tell the person "文件服务暂时不可用，请稍后再试" beside the file field or on a 503 page, the API answers
	 * 503 problem+json; never a stack trace. A refusal of the moment, not a bug, hence a {@link DomainException}.
	 */
	final class Unavailable extends DomainException {

		private static final long serialVersionUID = 1L;

		/** The stable code, also the message key {@code error.file-store-unavailable}. */
		public static final String CODE = "file-store-unavailable";

		public Unavailable(String detail, Throwable cause) {
			super(Kind.CONFLICT, CODE, detail);
			initCause(cause);
		}
	}

	/** A stored file. */
	record Stored(String id, String sha256, long size, String contentType, String originalName) {
	}

	/** Stores the bytes; the caller has already checked their type and size. */
	Stored put(byte[] content, String contentType, String originalName);

	/**
	 * The file's bytes, streamed; empty when no file has this id. A stream whose bytes do not match the SHA-256 taken
	 * when they were stored fails with an {@code IOException} at its end, so damaged content is never served whole.
	 */
	Optional<InputStream> open(String id);

	/** Removes the file; removing one that is not there is no error. */
	void delete(String id);
}
