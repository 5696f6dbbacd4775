package tongban.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.exchange.ReadHistory;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 查阅、复制 (个人信息保护法 Art. 45): a citizen asks for a copy from the privacy centre; it is prepared in the
 * background, downloadable by them alone for seven days, and every JSON in it follows the schema it carries.
 */
class DataExportIT extends IntegrationTest {

	private static final Pattern DOWNLOAD = Pattern.compile("href=\"(/account/privacy/exports/[0-9a-f-]{36})\"");

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	@Autowired
	ReadHistory readHistory;

	@Autowired
	DataExports exports;

	@Autowired
	JsonMapper json;

	private FormSession signedIn(Citizen c) {
		FormSession session = new FormSession("http://localhost:" + port);
		session.signIn(c.idNumber(), PASSWORD);
		return session;
	}

	private String readyDownloadLink(FormSession session, UUID accountId) {
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> exports.latest(accountId).map(e -> e.status() == ExportStatus.READY).orElse(false));
		Matcher link = DOWNLOAD.matcher(session.get("/account/privacy").body());
		assertThat(link.find()).as("the centre links the ready copy").isTrue();
		return link.group(1);
	}

	@Test
	void theCopyHoldsTheCaseItsFilesAndTheReadsEachJsonValidAgainstItsSchema() throws Exception {
		Citizen c = people.citizen("导出测试", 2);
		CaseId caseId = TestCases.submittedSocialSecurityCard(applying, c);
		String caseNumber = cases.find(TestCases.actor(c), caseId).orElseThrow().caseNumber();
		readHistory.importReads(List.of(PrivacySupport.readOf(c, "核对参保人户籍", caseNumber)));
		FormSession session = signedIn(c);
		session.get("/account/privacy");

		var asked = session.post("/account/privacy/export");
		assertThat(asked.statusCode()).isEqualTo(302);
		String path = readyDownloadLink(session, c.id());
		var download = session.download(path);

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
		Map<String, byte[]> entries = PrivacySupport.unzip(download.body());
		assertThat(entries).containsKeys("account.json", "consents.json", "cases.json", "licences.json", "tickets.json", "ratings.json",
				"messages.json", "reads.json", "corrections.json", "schema/cases.json", "schema/reads.json", "summary.pdf");
		assertThat(PrivacySupport.invalidDocuments(entries)).isEmpty();
		JsonNode account = json.readTree(entries.get("account.json")).get("account");
		assertThat(account.get("idNumber").asString()).isEqualTo(c.idNumber());
		JsonNode theCase = json.readTree(entries.get("cases.json")).get("items").get(0);
		assertThat(theCase.get("caseNumber").asString()).isEqualTo(caseNumber);
		String photo = theCase.get("materials").findValues("file").stream().filter(JsonNode::isString).findFirst().orElseThrow().asString();
		assertThat(entries.get(photo)).as("the material's file is in the archive").startsWith(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		String reads = new String(entries.get("reads.json"), StandardCharsets.UTF_8);
		assertThat(reads).contains("核对参保人户籍").contains("人口基础信息");
		assertThat(new String(entries.get("summary.pdf"), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'DATA_READ' and subject = ? and detail like 'copy of the person''s own data%'")
			.param("account:" + c.id()).query(Long.class).single()).as("the copy and its download are recorded").isEqualTo(2);
		assertThat(session.get("/account/messages").body()).as("a message says the copy is ready").contains("个人信息副本已生成");
	}

	@Test
	void askedAgainWhileOneIsPreparedThePageShowsTheOneUnderWay() {
		Citizen c = people.citizen("重复导出", 2);
		UUID preparing = UUID.randomUUID();
		jdbc.sql("insert into privacy_export (id, account_id, status, requested_at) values (?, ?, 'PREPARING', now())")
			.params(preparing, c.id()).update();
		FormSession session = signedIn(c);
		session.get("/account/privacy");

		var again = session.post("/account/privacy/export");

		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from privacy_export where account_id = ?").param(c.id()).query(Long.class).single()).isEqualTo(1);
		String page = session.get("/account/privacy").body();
		assertThat(page).contains("您的上一份副本正在生成").contains("正在生成").doesNotContain("data-testid=\"export-request\"");
	}

	@Test
	void anotherAccountGets404AndAfterSevenDaysTheCopyIsGone() {
		Citizen owner = people.citizen("副本主人", 2);
		Citizen other = people.citizen("旁人", 2);
		FormSession session = signedIn(owner);
		session.get("/account/privacy");
		session.post("/account/privacy/export");
		String path = readyDownloadLink(session, owner.id());

		assertThat(signedIn(other).download(path).statusCode()).isEqualTo(404);
		assertThat(new FormSession("http://localhost:" + port).download(path).statusCode()).as("signed out: sent to sign in").isEqualTo(302);

		clock.set(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));
		assertThat(exports.expire()).isGreaterThanOrEqualTo(1);
		assertThat(exports.latest(owner.id()).orElseThrow().status()).isEqualTo(ExportStatus.EXPIRED);
		assertThat(jdbc.sql("select count(*) from privacy_export where account_id = ? and file_id is not null").param(owner.id()).query(Long.class).single())
			.as("the file is deleted").isZero();
		assertThat(session.download(path).statusCode()).isEqualTo(404);
	}
}
