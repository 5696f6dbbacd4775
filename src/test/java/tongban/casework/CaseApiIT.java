package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.support.IntegrationTest;
import tongban.support.People.Staff;
import tongban.support.SamplePdfs;

/**
 * The REST API for mini-programs and department systems, with access tokens of the platform's authorization server:
 * a citizen drafts, uploads, submits (twice, one case) and reads; wrong input is 422 with each problem, a stale save
 * or wrong token 409, another person's case 404; an approver's system lists and completes tasks.
 */
class CaseApiIT extends IntegrationTest {

	@Autowired
	DirectoryManagement directory;

	/** An applicant's app: reads and writes their cases. */
	private RestClient as(Object subject) {
		return as(subject, "cases.read", "cases.write");
	}

	private RestClient as(Object subject, String... scopes) {
		return RestClient.builder().baseUrl(url("")).defaultHeader("Authorization", "Bearer " + accessToken(subject, scopes))
			.defaultStatusHandler(s -> true, (req, res) -> { }).build();
	}

	@Test
	@SuppressWarnings("unchecked")
	void applyThroughTheApiAndHandleThroughTheApi() {
		Citizen me = newCitizen("接口申请", 2);
		RestClient api = as(me.id());
		RestClient anonymous = RestClient.builder().baseUrl(url("")).defaultStatusHandler(s -> true, (req, res) -> { }).build();
		assertThat(anonymous.get().uri("/api/cases").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);

		var created = api.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON).body(Map.of("itemCode", ApplyOnlineJourneyIT.ITEM))
			.retrieve().toEntity(Map.class);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		String id = (String) created.getBody().get("id");

		var bad = api.put().uri("/api/cases/{id}/form", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("lockVersion", 0, "values", Map.of("name", me.name(), "idNumber", "11010519491231002X", "phone", me.mobile(),
					"region", "330106", "bank", "中国银行", "delivery", "窗口领取")))
			.retrieve().toEntity(Map.class);
		assertThat(bad.getStatusCode().value()).as("another person's ID number is refused").isEqualTo(422);
		assertThat((List<Map<String, Object>>) bad.getBody().get("errors")).extracting(e -> e.get("path") + ":" + e.get("code"))
			.containsExactly("idNumber:case.error.fromAccount");
		var stale = api.put().uri("/api/cases/{id}/form", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("lockVersion", 0, "values", Map.of())).retrieve().toEntity(Map.class);
		assertThat(stale.getStatusCode().value()).as("a stale save").isEqualTo(409);
		assertThat(api.put().uri("/api/cases/{id}/form", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("lockVersion", 1, "values", Map.of("name", me.name(), "idNumber", me.idNumber(), "phone", me.mobile(),
					"region", "330106", "bank", "中国银行", "delivery", "窗口领取")))
			.retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(204);

		var notImage = new LinkedMultiValueMap<String, Object>();
		notImage.add("file", new ByteArrayResource("plain text".getBytes()) {
			@Override
			public String getFilename() {
				return "photo.jpg";
			}
		});
		var refused = api.post().uri("/api/cases/{id}/materials/1", id).contentType(MediaType.MULTIPART_FORM_DATA).body(notImage)
			.retrieve().toEntity(Map.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody().toString()).contains("material.1").contains("按文件内容识别");
		var photo = new LinkedMultiValueMap<String, Object>();
		photo.add("file", new ByteArrayResource(ApplyOnlineJourneyIT.PNG) {
			@Override
			public String getFilename() {
				return "photo.png";
			}
		});
		assertThat(api.post().uri("/api/cases/{id}/materials/1", id).contentType(MediaType.MULTIPART_FORM_DATA).body(photo)
			.retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(204);

		Map<String, Object> draft = api.get().uri("/api/cases/{id}", id).retrieve().body(Map.class);
		assertThat(api.post().uri("/api/cases/{id}/submission", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", UUID.randomUUID().toString())).retrieve().toEntity(String.class).getStatusCode().value())
			.as("a wrong token").isEqualTo(409);
		var first = api.post().uri("/api/cases/{id}/submission", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", draft.get("submitToken"))).retrieve().toEntity(Map.class);
		var again = api.post().uri("/api/cases/{id}/submission", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", draft.get("submitToken"))).retrieve().toEntity(Map.class);
		assertThat(first.getStatusCode().value()).isEqualTo(200);
		assertThat(again.getBody().get("caseNumber")).as("a retry returns the same case").isEqualTo(first.getBody().get("caseNumber"));
		assertThat((List<?>) api.get().uri("/api/cases").retrieve().body(List.class)).hasSize(1);

		Citizen other = newCitizen("旁人", 2);
		assertThat(as(other.id()).get().uri("/api/cases/{id}", id).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
		assertThat(api.get().uri("/api/tasks").retrieve().toEntity(String.class).getStatusCode().value()).as("citizens have no tasks")
			.isEqualTo(403);

		var dep = directory.departmentByCode("XH-RLSB").orElseThrow();
		Staff approver = newStaff(dep.code(), Role.APPROVER, "接口审批");
		RestClient system = as(approver.id(), "tasks");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ((List<Map<String, Object>>) system.get().uri("/api/tasks")
			.retrieve().body(List.class)).stream().anyMatch(t -> id.equals(t.get("caseId"))));
		String taskId = ((List<Map<String, Object>>) system.get().uri("/api/tasks").retrieve().body(List.class)).stream()
			.filter(t -> id.equals(t.get("caseId"))).findFirst().orElseThrow().get("taskId").toString();
		assertThat(system.post().uri("/api/tasks/{t}/completion", taskId).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("decision", "approve")).retrieve().toEntity(String.class).getStatusCode().value())
			.as("承诺件 acceptance takes no approval").isEqualTo(422);
		assertThat(system.post().uri("/api/tasks/{t}/completion", taskId).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("decision", "accept")).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(204);
		assertThat(api.get().uri("/api/cases/{id}", id).retrieve().body(Map.class).get("status")).isEqualTo("ACCEPTED");
		assertThat(anonymous.get().uri("/v3/api-docs").retrieve().body(String.class)).contains("/api/cases/{id}/submission")
			.contains("/api/tasks/{taskId}/completion");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anItemWithoutItsOwnFormIsAppliedForWithTheGeneralForm() {
		Citizen me = newCitizen("通用表单", 2);
		RestClient api = as(me.id());
		String item = "330106-GF-0001-01"; // 失业保险金申领: handled online, no form defined yet
		String id = (String) api.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON).body(Map.of("itemCode", item))
			.retrieve().body(Map.class).get("id");
		var missing = api.put().uri("/api/cases/{id}/form", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("lockVersion", 0, "values", Map.of())).retrieve().toEntity(Map.class);
		assertThat((List<Map<String, Object>>) missing.getBody().get("errors")).extracting(e -> e.get("path"))
			.containsExactly("applicantName", "contactName", "phone", "request");
		assertThat(api.put().uri("/api/cases/{id}/form", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("lockVersion", 1, "values", Map.of("applicantName", me.name(), "contactName", me.name(),
					"phone", "13800012399", "request", "申领失业保险金")))
			.retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(204);
		var pdf = new LinkedMultiValueMap<String, Object>();
		pdf.add("file", new ByteArrayResource(SamplePdfs.blank()) {
			@Override
			public String getFilename() {
				return "申请书.pdf";
			}
		});
		Map<String, Object> draft = api.get().uri("/api/cases/{id}", id).retrieve().body(Map.class);
		var incomplete = api.post().uri("/api/cases/{id}/submission", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", draft.get("submitToken"))).retrieve().toEntity(Map.class);
		assertThat(incomplete.getStatusCode().value()).isEqualTo(422);
		assertThat((List<Map<String, Object>>) incomplete.getBody().get("errors")).extracting(e -> e.get("message"))
			.containsExactly("请上传“解除或终止劳动关系的证明”");
		assertThat(api.post().uri("/api/cases/{id}/materials/1", id).contentType(MediaType.MULTIPART_FORM_DATA).body(pdf)
			.retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(204);
		var submitted = api.post().uri("/api/cases/{id}/submission", id).contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("token", draft.get("submitToken"))).retrieve().toEntity(Map.class);
		assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isEqualTo(200);
	}

	/** Issue 16 point 21: a PDF with JavaScript and a truncated PDF are refused with the reason, as problem+json. */
	@Test
	@SuppressWarnings("unchecked")
	void unsafeOrBrokenPdfsAreRefusedWithTheReason() {
		Citizen me = newCitizen("脚本材料", 2);
		RestClient api = as(me.id());
		// 失业保险金申领, an item for private persons (a food licence is for companies' agents only)
		var started = api.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("itemCode", "330106-GF-0001-01")).retrieve().toEntity(Map.class);
		assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
		String id = (String) started.getBody().get("id");
		byte[] blank = SamplePdfs.blank();
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("脚本.pdf", SamplePdfs.withJavaScript());
		files.put("截断.pdf", Arrays.copyOf(blank, blank.length / 2));
		for (var file : files.entrySet()) {
			var body = new LinkedMultiValueMap<String, Object>();
			body.add("file", new ByteArrayResource(file.getValue()) {
				@Override
				public String getFilename() {
					return file.getKey();
				}
			});
			var refused = api.post().uri("/api/cases/{id}/materials/0", id).contentType(MediaType.MULTIPART_FORM_DATA).body(body)
				.retrieve().toEntity(Map.class);
			assertThat(refused.getStatusCode().value()).as(file.getKey() + ": " + refused.getBody()).isEqualTo(422);
			assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
			var errors = (List<Map<String, Object>>) refused.getBody().get("errors");
			assertThat(errors).extracting(e -> e.get("path")).containsExactly("material.0");
			assertThat((String) errors.getFirst().get("message")).contains(file.getKey())
				.contains(file.getKey().equals("脚本.pdf") ? "含有脚本" : "不是完整可读的 PDF");
		}
		Map<String, Object> draft = api.get().uri("/api/cases/{id}", id).retrieve().body(Map.class);
		assertThat(draft.toString()).doesNotContain("脚本.pdf").doesNotContain("截断.pdf");
	}
}
