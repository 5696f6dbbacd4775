package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.FileSystemUtils;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import tongban.shared.FileStore;
import tongban.shared.Hashes;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.SamplePdfs;
import tongban.support.S3MockServer;
import tongban.support.SecondNode;

/**
 * A node with {@code TONGBAN_S3_*} set (a second application on the suite's database, with the same keys) keeps what a
 * citizen uploads in the bucket and nowhere else, serves it back through the page, copies an older node's local folder
 * into the bucket at start, and, with the store stopped, tells the citizen "文件服务暂时不可用" rather than failing.
 * The node is a {@link SecondNode} on a data folder seeded before its start.
 */
class ObjectStoreFilesIT extends IntegrationTest {

	private static final String BUCKET = "tongban-it";
	private static final String ITEM = "330106-GG-0001-01";
	private static final Pattern LOCK_VERSION = Pattern.compile("name=\"lockVersion\" value=\"(\\d+)\"");

	@Autowired
	private ApplicationContext suiteContext;

	private S3MockServer store;
	private S3Client bucket;
	private SecondNode node;
	private Path nodeDir;
	private String seededId;

	@BeforeAll
	void startStoreAndNode() throws IOException {
		store = S3MockServer.start(BUCKET);
		bucket = store.client();
		nodeDir = SecondNode.dataFolder();
		// a file an earlier single node kept in its folder, to be copied into the bucket at start
		seededId = UUID.randomUUID().toString();
		Path seeded = nodeDir.resolve("files").resolve(seededId.substring(0, 2)).resolve(seededId);
		Files.createDirectories(seeded.getParent());
		Files.writeString(seeded, "旧节点的文件");

		// the cluster's keys (data keys, OIDC and seal keys) are copied in by SecondNode, as a mounted secret gives them
		node = SecondNode.start(suiteContext, Map.of("tongban.data-dir", nodeDir.toString(), "tongban.demo.history", "false",
				"tongban.s3.bucket", BUCKET, "tongban.s3.endpoint", store.endpoint(), "tongban.s3.path-style", "true",
				"tongban.s3.access-key", S3MockServer.ACCESS_KEY, "tongban.s3.secret-key", S3MockServer.SECRET_KEY,
				"tongban.s3.sse", "AES256", "tongban.s3.import-local", "true"));
	}

	@AfterAll
	void stopNodeAndStore() {
		if (node != null) {
			node.close();
		}
		if (bucket != null) {
			bucket.close();
		}
		if (store != null) {
			store.close();
		}
		FileSystemUtils.deleteRecursively(nodeDir.toFile());
	}

	private String nodeUrl() {
		return node.url("");
	}

	@Test
	void uploadsLiveInTheBucketOnlyAndAStoreThatIsDownIsSaidPlainly() throws Exception {
		// started with TONGBAN_S3_IMPORT_LOCAL: the earlier node's file is in the bucket under its id
		HeadObjectResponse imported = bucket.headObject(h -> h.bucket(BUCKET).key("files/" + seededId.substring(0, 2) + "/" + seededId));
		assertThat(imported.metadata()).containsEntry(S3FileStore.SHA256, Hashes.sha256Hex("旧节点的文件".getBytes(StandardCharsets.UTF_8)));

		// one store per node, and nothing of S3Mock's in either application
		assertThat(node.bean(FileStore.class)).isInstanceOf(S3FileStore.class);
		assertThat(suiteContext.getBean(FileStore.class)).isInstanceOf(LocalFileStore.class);
		for (ApplicationContext context : List.of(node.context(), suiteContext)) {
			assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(context::getType))
				.noneMatch(type -> type != null && type.getName().startsWith("com.adobe"));
		}

		Citizen citizen = newCitizen("对象存储申请人", 2);
		FormSession browser = new FormSession(nodeUrl());
		assertThat(browser.signIn(citizen.idNumber(), PASSWORD)).endsWith("/account");
		String edit = browser.postFrom("/apply/" + ITEM, "/apply/" + ITEM).headers().firstValue("Location").orElseThrow();
		String caseId = edit.replaceAll(".*/cases/([0-9a-f-]{36})/edit$", "$1");

		byte[] pdf = SamplePdfs.blank();
		HttpResponse<String> saved = upload(browser, edit, "证明材料.pdf", pdf);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		Map<String, Object> material = jdbc.sql("select file_id, sha256 from casework_material where case_id = ?::uuid and material_index = 1")
			.param(caseId).query().singleRow();
		String fileId = (String) material.get("file_id");
		assertThat(material.get("sha256")).isEqualTo(Hashes.sha256Hex(pdf));

		// in the bucket, encrypted at rest, with its hash; nothing in the node's folder but the old node's file
		String key = "files/" + fileId.substring(0, 2) + "/" + fileId;
		assertThat(bucket.listObjectsV2(l -> l.bucket(BUCKET)).contents()).extracting(S3Object::key).contains(key);
		HeadObjectResponse head = bucket.headObject(h -> h.bucket(BUCKET).key(key));
		assertThat(head.metadata()).containsEntry(S3FileStore.SHA256, Hashes.sha256Hex(pdf));
		assertThat(head.serverSideEncryptionAsString()).isEqualTo("AES256");
		assertThat(filesUnder(nodeDir.resolve("files"))).containsExactly(seededId);

		// served back through the page, byte for byte
		HttpResponse<byte[]> download = browser.download("/cases/" + caseId + "/materials/1");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(readiness().statusCode()).isEqualTo(200);

		// the store stops: the upload page says so beside the field, the download is a 503 page; health reports the store
		// down while the node stays ready (every node shares the store: taking them all out would refuse every page)
		store.close();
		HttpResponse<String> refused = upload(browser, edit, "第二份.pdf", SamplePdfs.pdf(doc -> { }));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("error-summary").contains("文件服务暂时不可用，请稍后再试").contains("第二份.pdf");
		HttpResponse<String> downloadDown = browser.get("/cases/" + caseId + "/materials/1");
		assertThat(downloadDown.statusCode()).isEqualTo(503);
		assertThat(downloadDown.body()).contains("文件服务暂时不可用").doesNotContain("Exception");
		HttpResponse<String> api = apiUpload(citizen, caseId, pdf);
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(api.body()).contains("file-store-unavailable");
		assertThat(readiness().statusCode()).isEqualTo(200);
		assertThat(health("/actuator/health").statusCode()).isEqualTo(503);
		assertThat(jdbc.sql("select file_id from casework_material where case_id = ?::uuid and material_index = 1").param(caseId)
			.query(String.class).single()).as("the stored material is kept").isEqualTo(fileId);
	}

	private HttpResponse<String> upload(FormSession browser, String edit, String name, byte[] pdf) {
		Matcher lock = LOCK_VERSION.matcher(browser.get(edit).body());
		assertThat(lock.find()).isTrue();
		return browser.postMultipart(edit, edit, List.of(Map.entry("lockVersion", lock.group(1)), Map.entry("action", "save")),
				List.of(new FormSession.FilePart("m.1", name, pdf)));
	}

	/** The API's upload of one material, as a mini-program sends it. */
	private HttpResponse<String> apiUpload(Citizen citizen, String caseId, byte[] pdf) throws IOException, InterruptedException {
		String boundary = "----api" + System.nanoTime();
		byte[] body = FormSession.multipart(boundary, List.of(), List.of(new FormSession.FilePart("file", "接口.pdf", pdf)));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(nodeUrl() + "/api/cases/" + caseId + "/materials/1"))
			.header("Authorization", "Bearer " + accessToken(citizen.id(), "cases.read", "cases.write"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> readiness() throws IOException, InterruptedException {
		return health("/actuator/health/readiness");
	}

	private HttpResponse<String> health(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(nodeUrl() + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> filesUnder(Path root) throws IOException {
		List<String> names = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(root)) {
			walk.filter(Files::isRegularFile).forEach(file -> names.add(file.getFileName().toString()));
		}
		return names;
	}
}
