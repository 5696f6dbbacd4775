package tongban.shared.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import tongban.shared.FileStore;
import tongban.shared.Hashes;

/**
 * Files in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, Alibaba OSS …) when {@code TONGBAN_S3_BUCKET} is
 * set, so every node serves every file; the local folder stays the default for one node. One object per file under
 * {@code <prefix><2 hex>/<id>}; the id is random, never a name a person gave. Each object carries its SHA-256 (checked
 * by the store on upload where it supports {@code x-amz-checksum-sha256}, and by us on every read), its content type
 * and its original name (URL-encoded: object metadata is ASCII). Nothing is kept locally as well.
 * <p>
 * A store that cannot be reached is a {@link FileStore.Unavailable} (503 / "文件服务暂时不可用"), never a stack trace for
 * the person. The SDK talks through the Apache 5 HTTP client (no Netty) and computes no CRC checksums of its own unless
 * the operation needs one: several S3-compatible stores refuse the SDK's aws-chunked uploads.
 */
@Component
@Conditional(ObjectStoreSettings.Configured.class)
class S3FileStore implements FileStore, StoreProbe, DisposableBean {

	/** Object metadata (x-amz-meta-*): the content's SHA-256 in hex, and the original name URL-encoded. */
	static final String SHA256 = "sha256";
	static final String ORIGINAL_NAME = "original-name";

	private static final Logger log = LoggerFactory.getLogger(S3FileStore.class);

	private final ObjectStoreSettings settings;
	private final S3Client s3;

	@Autowired
	S3FileStore(ObjectStoreSettings settings) {
		this(settings, client(settings));
	}

	S3FileStore(ObjectStoreSettings settings, S3Client s3) {
		this.settings = settings;
		this.s3 = s3;
	}

	/** The client of these settings: path-style or virtual-host, static keys or the SDK's default chain. */
	static S3Client client(ObjectStoreSettings settings) {
		S3ClientBuilder builder = S3Client.builder()
			.httpClientBuilder(Apache5HttpClient.builder()
				.connectionTimeout(Duration.ofSeconds(3))
				.socketTimeout(Duration.ofSeconds(30))
				.maxConnections(64))
			.forcePathStyle(settings.pathStyle())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMinutes(2)));
		if (!settings.endpoint().isEmpty()) {
			builder.endpointOverride(URI.create(settings.endpoint()));
		}
		if (!settings.region().isEmpty()) {
			builder.region(Region.of(settings.region()));
		}
		else if (!settings.endpoint().isEmpty()) {
			builder.region(Region.US_EAST_1);
		}
		if (!settings.accessKey().isEmpty()) {
			builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		return builder.build();
	}

	@Override
	public Stored put(byte[] content, String contentType, String originalName) {
		String id = FileIds.next();
		String sha = Hashes.sha256Hex(content);
		upload(id, sha, contentType, originalName == null ? "" : originalName, RequestBody.fromBytes(content));
		return new Stored(id, sha, content.length, contentType, originalName);
	}

	@Override
	public Optional<InputStream> open(String id) {
		if (!FileIds.valid(id)) {
			return Optional.empty();
		}
		try {
			ResponseInputStream<GetObjectResponse> in = s3.getObject(get -> get.bucket(settings.bucket()).key(settings.key(id)));
			String sha = in.response().metadata().get(SHA256);
			return Optional.of(sha == null ? in : new Verified(in, sha, id));
		}
		catch (NoSuchKeyException e) {
			return Optional.empty();
		}
		catch (S3Exception e) {
			if (e.statusCode() == 404) {
				return Optional.empty();
			}
			throw unavailable("read", e);
		}
		catch (SdkException e) {
			throw unavailable("read", e);
		}
	}

	@Override
	public void delete(String id) {
		if (!FileIds.valid(id)) {
			return;
		}
		call("delete", () -> s3.deleteObject(delete -> delete.bucket(settings.bucket()).key(settings.key(id))));
	}

	/** Readiness: the bucket answers a HEAD with these credentials. */
	@Override
	public Map<String, Object> probe() {
		call("check", () -> s3.headBucket(head -> head.bucket(settings.bucket())));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("store", "s3");
		details.put("bucket", settings.bucket());
		if (!settings.endpoint().isEmpty()) {
			details.put("endpoint", settings.endpoint());
		}
		return details;
	}

	/** What one pass of {@link #importFolder(Path)} did. */
	record Imported(int copied, int present) {
	}

	/**
	 * Copies the files of a local store's folder ({@code <root>/<2 hex>/<id>}) into the bucket under the same ids, so
	 * the records that name them stay right. Safe to run again: a file whose object is there is left alone. The local
	 * files are not removed (the operator does that once the copy is checked).
	 */
	Imported importFolder(Path root) {
		int copied = 0;
		int present = 0;
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root, 2)) {
			files = walk.filter(Files::isRegularFile)
				.filter(file -> FileIds.valid(file.getFileName().toString()))
				.filter(file -> file.getParent().getFileName().toString().equals(file.getFileName().toString().substring(0, 2)))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		for (Path file : files) {
			String id = file.getFileName().toString();
			if (exists(id)) {
				present++;
				continue;
			}
			upload(id, sha256(file), "application/octet-stream", "", RequestBody.fromFile(file));
			copied++;
		}
		log.info("copied {} local files into bucket {} ({} were there already)", copied, settings.bucket(), present);
		return new Imported(copied, present);
	}

	@Override
	public void destroy() {
		s3.close();
	}

	private void upload(String id, String sha, String contentType, String originalName, RequestBody body) {
		PutObjectRequest.Builder request = PutObjectRequest.builder()
			.bucket(settings.bucket())
			.key(settings.key(id))
			.contentType(contentType)
			.checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)))
			.metadata(Map.of(SHA256, sha, ORIGINAL_NAME, URLEncoder.encode(originalName, StandardCharsets.UTF_8)));
		if (!settings.sse().isEmpty()) {
			request.serverSideEncryption(settings.sse());
			if (settings.sse().equals("aws:kms") && !settings.kmsKeyId().isEmpty()) {
				request.ssekmsKeyId(settings.kmsKeyId());
			}
		}
		call("write", () -> s3.putObject(request.build(), body));
	}

	private boolean exists(String id) {
		try {
			s3.headObject(head -> head.bucket(settings.bucket()).key(settings.key(id)));
			return true;
		}
		catch (NoSuchKeyException e) {
			return false;
		}
		catch (S3Exception e) {
			if (e.statusCode() == 404) {
				return false;
			}
			throw unavailable("check", e);
		}
		catch (SdkException e) {
			throw unavailable("check", e);
		}
	}

	/** The original name kept with an object (empty when it had none). */
	static String originalName(Map<String, String> metadata) {
		return URLDecoder.decode(metadata.getOrDefault(ORIGINAL_NAME, ""), StandardCharsets.UTF_8);
	}

	private <T> T call(String what, Supplier<T> operation) {
		try {
			return operation.get();
		}
		catch (SdkException e) {
			throw unavailable(what, e);
		}
	}

	private Unavailable unavailable(String what, SdkException e) {
		log.warn("object store bucket {} could not {}: {}", settings.bucket(), what, e.toString());
		return new Unavailable("object store could not " + what + ": " + e.getMessage(), e);
	}

	private static String sha256(Path file) {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The object's bytes, digested as they are read: at the end they must have the SHA-256 stored with them, else the
	 * read fails, so a damaged or replaced object is never served as if whole.
	 */
	static final class Verified extends DigestInputStream {

		private final String expected;
		private final String id;
		private boolean checked;

		Verified(InputStream in, String expected, String id) {
			super(in, digest());
			this.expected = expected;
			this.id = id;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b < 0) {
				check();
			}
			return b;
		}

		@Override
		public int read(byte[] bytes, int off, int len) throws IOException {
			int n = super.read(bytes, off, len);
			if (n < 0) {
				check();
			}
			return n;
		}

		@Override
		public long skip(long count) throws IOException {
			byte[] buffer = new byte[8192];
			long skipped = 0;
			while (skipped < count) {
				int n = read(buffer, 0, (int) Math.min(buffer.length, count - skipped));
				if (n < 0) {
					break;
				}
				skipped += n;
			}
			return skipped;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

		private void check() throws IOException {
			if (checked) {
				return;
			}
			checked = true;
			String actual = HexFormat.of().formatHex(getMessageDigest().digest());
			if (!actual.equals(expected)) {
				throw new IOException("stored file " + id + " does not match its SHA-256 (" + actual + " instead of " + expected + ")");
			}
		}
	}
}
