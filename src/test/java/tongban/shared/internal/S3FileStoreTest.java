package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import tongban.shared.FileStore;
import tongban.shared.Hashes;
import tongban.support.S3MockServer;

/** The object-store file store against a real S3-compatible server (S3Mock) in this JVM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3FileStoreTest {

	private static final String BUCKET = "tongban-files";

	private S3MockServer server;
	private S3Client raw;
	private S3FileStore store;

	@BeforeAll
	void start() {
		server = S3MockServer.start(BUCKET);
		raw = server.client();
		store = storeAt(server.endpoint(), "");
	}

	@AfterAll
	void stop() {
		store.destroy();
		raw.close();
		server.close();
	}

	private static S3FileStore storeAt(String endpoint, String sse) {
		ObjectStoreSettings settings = new ObjectStoreSettings(BUCKET, endpoint, "", true, S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY, sse, "",
				null, false);
		return new S3FileStore(settings, S3FileStore.client(settings));
	}

	@Test
	void aFileIsStoredUnderAnOpaqueKeyWithItsHashTypeAndNameAndReadBack() throws IOException {
		byte[] content = "申请材料：营业执照副本".getBytes(StandardCharsets.UTF_8);
		FileStore.Stored stored = store.put(content, "application/pdf", "营业执照 副本/../x.pdf");

		assertThat(stored.sha256()).isEqualTo(Hashes.sha256Hex(content));
		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(UUID.fromString(stored.id()).toString()).isEqualTo(stored.id());
		String key = "files/" + stored.id().substring(0, 2) + "/" + stored.id();
		HeadObjectResponse head = raw.headObject(h -> h.bucket(BUCKET).key(key));
		assertThat(head.contentType()).isEqualTo("application/pdf");
		assertThat(head.contentLength()).isEqualTo(content.length);
		assertThat(head.metadata()).containsEntry(S3FileStore.SHA256, stored.sha256());
		assertThat(S3FileStore.originalName(head.metadata())).as("any name survives the ASCII-only metadata").isEqualTo("营业执照 副本/../x.pdf");
		assertThat(raw.listObjectsV2(l -> l.bucket(BUCKET).prefix("files/")).contents()).extracting(o -> o.key())
			.as("the name the person gave is in no key").contains(key).noneMatch(k -> k.contains("营业执照") || k.contains(".."));

		try (InputStream in = store.open(stored.id()).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void whatIsNotThereIsEmptyAndDeletingTwiceIsNoError() {
		FileStore.Stored stored = store.put(new byte[] { 1, 2, 3 }, "image/png", "a.png");
		store.delete(stored.id());
		store.delete(stored.id());
		assertThat(store.open(stored.id())).isEmpty();
		assertThat(store.open(UUID.randomUUID().toString())).isEmpty();
		assertThat(store.open("../../etc/passwd")).as("not an id: names no object").isEmpty();
		assertThat(store.open("")).isEmpty();
	}

	@Test
	void contentReplacedBehindTheStoresBackFailsItsHashCheckWhenRead() throws IOException {
		FileStore.Stored stored = store.put("原件".getBytes(StandardCharsets.UTF_8), "text/plain", "a.txt");
		String key = "files/" + stored.id().substring(0, 2) + "/" + stored.id();
		// same metadata (the old hash), other bytes: what a damaged disk or a careless copy would leave
		raw.putObject(p -> p.bucket(BUCKET).key(key).metadata(Map.of(S3FileStore.SHA256, stored.sha256())),
				RequestBody.fromString("篡改", StandardCharsets.UTF_8));

		try (InputStream in = store.open(stored.id()).orElseThrow()) {
			assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("does not match its SHA-256");
		}
	}

	@Test
	void aTwentyMegabyteFileIsStreamedBackWhole() throws Exception {
		byte[] content = new byte[20 * 1024 * 1024];
		new Random(21).nextBytes(content);
		FileStore.Stored stored = store.put(content, "application/pdf", "big.pdf");

		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		long read = 0;
		try (InputStream in = new DigestInputStream(store.open(stored.id()).orElseThrow(), digest)) {
			byte[] chunk = new byte[64 * 1024];
			for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
				read += n;
			}
		}
		assertThat(read).isEqualTo(content.length);
		assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(stored.sha256());
	}

	@Test
	void concurrentPutsEachGetTheirOwnObject() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		Set<String> ids = ConcurrentHashMap.newKeySet();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			byte[] content = ("file " + i).getBytes(StandardCharsets.UTF_8);
			futures.add(pool.submit(() -> {
				FileStore.Stored stored = store.put(content, "text/plain", "f.txt");
				ids.add(stored.id());
				try (InputStream in = store.open(stored.id()).orElseThrow()) {
					assertThat(in.readAllBytes()).isEqualTo(content);
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		assertThat(ids).hasSize(40);
	}

	@Test
	void serverSideEncryptionIsAskedForEveryObject() {
		S3FileStore encrypting = storeAt(server.endpoint(), "AES256");
		try {
			FileStore.Stored stored = encrypting.put(new byte[] { 9 }, "text/plain", "s.txt");
			String key = "files/" + stored.id().substring(0, 2) + "/" + stored.id();
			assertThat(raw.headObject(h -> h.bucket(BUCKET).key(key)).serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
		}
		finally {
			encrypting.destroy();
		}
	}

	@Test
	void aStoreThatCannotBeReachedIsUnavailableNotACrash() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		S3FileStore down = storeAt("http://127.0.0.1:" + closedPort, "");
		try {
			assertThatThrownBy(() -> down.put(new byte[] { 1 }, "text/plain", "x.txt")).isInstanceOf(FileStore.Unavailable.class)
				.extracting(e -> ((FileStore.Unavailable) e).code()).isEqualTo("file-store-unavailable");
			assertThatThrownBy(() -> down.open(UUID.randomUUID().toString())).isInstanceOf(FileStore.Unavailable.class);
			assertThatThrownBy(() -> down.delete(UUID.randomUUID().toString())).isInstanceOf(FileStore.Unavailable.class);
			assertThatThrownBy(down::probe).isInstanceOf(FileStore.Unavailable.class);
			assertThat(new FileStoreHealthIndicator(down).health().getStatus().getCode()).isEqualTo("DOWN");
			assertThat(new FileStoreHealthIndicator(store).health().getStatus().getCode()).isEqualTo("UP");
		}
		finally {
			down.destroy();
		}
	}

	@Test
	void theLocalFolderIsCopiedIntoTheBucketOnceUnderTheSameIds(@TempDir Path dataDir) throws IOException {
		Path root = dataDir.resolve("files");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String id = UUID.randomUUID().toString();
			Path file = root.resolve(id.substring(0, 2)).resolve(id);
			Files.createDirectories(file.getParent());
			Files.writeString(file, "本地文件 " + i);
			ids.add(id);
		}
		Files.writeString(root.resolve(ids.getFirst().substring(0, 2)).resolve("upload123.tmp"), "half a file");

		assertThat(store.importFolder(root)).isEqualTo(new S3FileStore.Imported(3, 0));
		for (int i = 0; i < 3; i++) {
			try (InputStream in = store.open(ids.get(i)).orElseThrow()) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("本地文件 " + i);
			}
		}
		assertThat(store.importFolder(root)).as("run again: nothing copied twice").isEqualTo(new S3FileStore.Imported(0, 3));
		assertThat(raw.listObjectsV2(l -> l.bucket(BUCKET).prefix("files/")).contents()).extracting(o -> o.key())
			.noneMatch(k -> k.endsWith(".tmp"));
		assertThat(Files.exists(root.resolve(ids.getFirst().substring(0, 2)).resolve(ids.getFirst()))).as("the local copy is left").isTrue();
	}
}
