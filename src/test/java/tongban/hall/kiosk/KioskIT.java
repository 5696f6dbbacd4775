package tongban.hall.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.Handling;
import tongban.catalog.Capabilities;
import tongban.catalog.Capability;
import tongban.catalog.CapabilityProvider;
import tongban.catalog.CatalogManagement;
import tongban.directory.ServicePoints;
import tongban.identity.AccountEnrolment;
import tongban.identity.IdentityManagement;
import tongban.identity.Role;
import tongban.licence.LicenceManagement;
import tongban.seal.SealManagement;
import tongban.shared.Clocks;
import tongban.shared.IdNumber;
import tongban.shared.WorkingCalendars;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;
import tongban.support.TestCases;
import tongban.support.TestPeople;

/**
 * 自助终端 over HTTP: a kiosk registered in the console enrols a browser once with its code, every kiosk page refuses
 * other browsers (403) and a revoked kiosk at once; a card read signs a person in at that kiosk only, with refusals for
 * a bad number or a wrong name, never showing the full number; 60 s idle drops the person on the server; a number
 * taken at the kiosk prints a receipt PDF whose text says what the person needs; the green channel needs a 65+ card;
 * a signed-in person prints their own e-licence and no one else's.
 */
class KioskIT extends IntegrationTest {

	@Autowired
	Kiosks kiosks;

	@Autowired
	KioskSessions sessions;

	@Autowired
	KioskPrints prints;

	@Autowired
	ServicePoints points;

	@Autowired
	WorkingCalendars calendars;

	@Autowired
	AccountEnrolment enrolment;

	@Autowired
	LicenceManagement licences;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Capabilities capabilities;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	List<CapabilityProvider> providers;

	@Autowired
	Applying applying;

	@Autowired
	Handling handling;

	/** A working day far enough ahead that this test's numbers at the point are the only ones. */
	private LocalDate workingDay(int after) {
		LocalDate day = LocalDate.now().plusDays(after);
		while (!calendars.current().isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** A browser enrolled as a new kiosk at the point. */
	private FormSession enrolledKiosk(String pointCode) {
		Kiosks.Registered registered = kiosks.register("测试终端 " + UUID.randomUUID().toString().substring(0, 6),
				points.pointByCode(pointCode).orElseThrow().id(), "测试打印机", "test");
		FormSession browser = new FormSession(url(""));
		browser.get("/kiosk/enrol");
		assertThat(browser.post("/kiosk/enrol", "code", registered.enrolmentCode()).statusCode()).isEqualTo(302);
		return browser;
	}

	@Test
	void aKioskIsRegisteredEnrolledOnceAndStopsWhenRevoked() {
		People.Staff admin = newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "终端管理员");
		FormSession console = FormSession.staff(url(""), admin);
		ServicePoints.ServicePoint hall = points.pointByCode("XH-BM-SD").orElseThrow();
		console.get("/console/kiosks");
		HttpResponse<String> refused = console.post("/console/kiosks", "name", "", "point", "not-a-point", "printer", "x".repeat(61));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("错误：").contains("请填写终端名称").contains("请选择服务网点").contains("请填写打印机名称");
		String name = "三墩终端 " + UUID.randomUUID().toString().substring(0, 6);
		assertThat(console.post("/console/kiosks", "name", name, "point", hall.id().toString(), "printer", "三墩凭条打印机").statusCode())
			.isEqualTo(302);
		String page = console.get("/console/kiosks").body();
		Matcher code = Pattern.compile("data-testid=\"kiosk-enrolment-code\">([A-Z0-9-]{9})<").matcher(page);
		assertThat(code.find()).isTrue();
		assertThat(console.get("/console/kiosks").body()).as("the code is shown once").doesNotContain(code.group(1));
		Kiosk kiosk = kiosks.kiosks().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
		assertThat(jdbc.sql("select enrol_hash from hall_kiosk where id = ?").param(kiosk.id()).query(String.class).single())
			.as("only a hash is kept").hasSize(64).isNotEqualTo(code.group(1));

		FormSession browser = new FormSession(url(""));
		HttpResponse<String> unenrolled = browser.get("/kiosk");
		assertThat(unenrolled.statusCode()).isEqualTo(403);
		assertThat(unenrolled.body()).contains("这台设备不是已登记的自助终端");
		assertThat(browser.get("/kiosk/number").statusCode()).isEqualTo(403);
		browser.get("/kiosk/enrol");
		HttpResponse<String> wrong = browser.post("/kiosk/enrol", "code", "AAAA-AAAA");
		assertThat(wrong.body()).contains("错误：").contains("激活码不正确");
		assertThat(browser.post("/kiosk/enrol", "code", code.group(1).toLowerCase()).statusCode()).isEqualTo(302);
		HttpResponse<String> start = browser.get("/kiosk");
		assertThat(start.statusCode()).isEqualTo(200);
		assertThat(start.body()).contains(hall.name()).doesNotContain("href=\"/login\"");

		FormSession second = new FormSession(url(""));
		second.get("/kiosk/enrol");
		assertThat(second.post("/kiosk/enrol", "code", code.group(1)).body()).as("a code enrols once").contains("激活码不正确");
		assertThat(second.get("/kiosk").statusCode()).isEqualTo(403);

		assertThat(console.get("/console/kiosks").body()).contains(name).contains("使用中");
		assertThat(console.post("/console/kiosks/" + kiosk.id() + "/revoke").statusCode()).isEqualTo(302);
		assertThat(browser.get("/kiosk").statusCode()).as("revoked at once").isEqualTo(403);
		assertThat(console.post("/console/kiosks/" + UUID.randomUUID() + "/revoke").statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'HALL_KIOSK' and subject = ?").param("kiosk:" + kiosk.id())
			.query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aCardSignsInAtThatKioskOnlyAndIdleTimeDropsThePerson() {
		Citizen citizen = newCitizen("柳自助", 2);
		FormSession browser = enrolledKiosk("XH-BM-SD");
		browser.get("/kiosk/card");
		HttpResponse<String> badNumber = browser.post("/kiosk/card", "idNumber", TestPeople.withWrongCheckDigit(citizen.idNumber()), "name",
				citizen.name());
		assertThat(badNumber.statusCode()).isEqualTo(422);
		assertThat(badNumber.body()).contains("错误：").contains("身份证号码不正确");
		HttpResponse<String> badName = browser.post("/kiosk/card", "idNumber", citizen.idNumber(), "name", "柳别人");
		assertThat(badName.statusCode()).isEqualTo(422);
		assertThat(badName.body()).contains("姓名与身份证不符");
		HttpResponse<String> empty = browser.post("/kiosk/card", "idNumber", "", "name", "");
		assertThat(empty.body()).contains("没有读到身份证");
		assertThat(browser.post("/kiosk/card", "idNumber", citizen.idNumber(), "name", citizen.name()).statusCode()).isEqualTo(302);
		String start = browser.get("/kiosk").body();
		assertThat(start).contains("柳自助").contains(IdNumber.normalise(citizen.idNumber()).substring(0, 4))
			.doesNotContain(citizen.idNumber()).contains("打印证照");

		// the portal knows nothing of the kiosk's sign-in
		assertThat(browser.get("/account").statusCode()).isEqualTo(302);

		Kiosk kiosk = kioskHoldingPerson(citizen.id());
		LocalDateTime now = LocalDateTime.now(Clocks.ZONE);
		clock.set(now.plusSeconds(59));
		assertThat(sessions.current(kiosk)).as("59 s is not idle, and the request counts as activity").isPresent();
		clock.set(now.plusSeconds(59 + 60));
		assertThat(browser.get("/kiosk").body()).doesNotContain("柳自助").contains("刷身份证登录");
		assertThat(jdbc.sql("select count(*) from hall_kiosk_session where kiosk_id = ?").param(kiosk.id()).query(Long.class).single()).isZero();

		// the scheduled sweep drops people at kiosks that sent no request since
		browser.post("/kiosk/card", "idNumber", citizen.idNumber(), "name", citizen.name());
		clock.set(now.plusSeconds(59 + 60 + 61 + 3600));
		assertThat(sessions.sweep()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("select count(*) from hall_kiosk_session where kiosk_id = ?").param(kiosk.id()).query(Long.class).single()).isZero();

		// signing out clears at once
		clock.reset();
		browser.get("/kiosk/card");
		browser.post("/kiosk/card", "idNumber", citizen.idNumber(), "name", citizen.name());
		browser.get("/kiosk");
		assertThat(browser.post("/kiosk/sign-out").statusCode()).isEqualTo(302);
		assertThat(browser.get("/kiosk").body()).doesNotContain("柳自助");
	}

	private Kiosk kioskHoldingPerson(UUID accountId) {
		UUID kioskId = jdbc.sql("select kiosk_id from hall_kiosk_session where account_id = ?").param(accountId).query(UUID.class).single();
		return kiosks.kiosk(kioskId).orElseThrow();
	}

	@Test
	void aNumberTakenAtTheKioskPrintsItsReceipt() throws IOException {
		ServicePoints.ServicePoint point = points.pointByCode("XH-DB-CD").orElseThrow();
		LocalDate day = workingDay(70 + (int) Math.floorMod(System.nanoTime(), 20L));
		clock.set(LocalDateTime.of(day, LocalTime.of(10, 0)));
		FormSession browser = enrolledKiosk("XH-DB-CD");
		browser.get("/kiosk/number");
		assertThat(browser.post("/kiosk/number", "series", "A").statusCode()).isEqualTo(302);
		assertThat(browser.get("/kiosk/receipt").body()).contains("A001").contains("前面还有 0 人等候");
		assertThat(browser.post("/kiosk/number", "series", "A").statusCode()).isEqualTo(302);
		HttpResponse<String> receipt = browser.get("/kiosk/receipt");
		assertThat(receipt.body()).contains("取号成功").contains("A002").contains("前面还有 1 人等候").contains("凭条已打印");
		assertThat(browser.get("/kiosk/receipt").statusCode()).as("shown once").isEqualTo(302);

		KioskPrints.PrintJob job = prints.jobs(50).stream().filter(j -> j.title().equals("取号凭条 A002")
				&& kiosks.kiosk(j.kioskId()).orElseThrow().pointId().equals(point.id())).findFirst().orElseThrow();
		assertThat(job.kind()).isEqualTo("RECEIPT");
		String token = jdbc.sql("select token from hall_queue_ticket where point_id = ? and day = ? and label = 'A002'")
			.params(point.id(), day).query(String.class).single();
		try (var pdf = Loader.loadPDF(Files.readAllBytes(Path.of(job.location())))) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains(point.name()).contains("A002").contains("综合业务").contains("前面还有 1 人等候")
				.contains(day + " 10:00");
			assertThat(pdf.getPage(0).getMediaBox().getWidth()).as("80 mm receipt paper").isBetween(226f, 227f);
		}
		assertThat(token).hasSize(43);

		// the green channel needs a card of 65 or older; a bad series or a closed point gives no number
		HttpResponse<String> green = browser.post("/kiosk/number", "series", "G");
		assertThat(green.statusCode()).isEqualTo(422);
		assertThat(green.body()).contains("错误：").contains("绿色通道需要先刷身份证");
		assertThat(browser.post("/kiosk/number", "series", "Z").body()).contains("请选择要办理的业务");
		String elder = elderId();
		enrolment.enrolCitizen("宋老伯", new IdNumber(elder), TestPeople.mobile(), PASSWORD, 2);
		browser.get("/kiosk/card");
		browser.post("/kiosk/card", "idNumber", elder, "name", "宋老伯");
		assertThat(browser.get("/kiosk/number").body()).contains("data-testid=\"kiosk-series-G\"");
		assertThat(browser.post("/kiosk/number", "series", "G").statusCode()).isEqualTo(302);
		assertThat(browser.get("/kiosk/receipt").body()).contains("G001").contains("前面还有 0 人等候");
		clock.set(LocalDateTime.of(day, LocalTime.of(12, 30)));
		HttpResponse<String> closed = browser.post("/kiosk/number", "series", "A");
		assertThat(closed.statusCode()).isEqualTo(422);
		assertThat(closed.body()).contains("现在不是办公时间");
		assertThat(jdbc.sql("select count(*) from hall_queue_ticket where point_id = ? and day = ?").params(point.id(), day)
			.query(Long.class).single()).isEqualTo(3);
	}

	/** An ID number of someone born in 1950 (76 at the end of 2026), unused so far. */
	private String elderId() {
		while (true) {
			String first17 = "330106" + "1950" + "0" + (1 + (int) (Math.random() * 9)) + "1" + (1 + (int) (Math.random() * 8))
					+ String.format("%03d", (int) (Math.random() * 1000));
			String id = first17 + IdNumber.checkCharacter(first17);
			if (identity.citizenByIdNumber(id).isEmpty()) {
				return id;
			}
		}
	}

	@Test
	void aSignedInPersonPrintsTheirOwnDocumentsOnly() throws IOException {
		Citizen holder = newCitizen("欧阳打印", 2);
		Citizen other = newCitizen("欧阳他人", 2);
		LicenceManagement.LicenceView own = issue(holder);
		LicenceManagement.LicenceView others = issue(other);
		FormSession browser = enrolledKiosk("XH-BM-SD");
		assertThat(browser.get("/kiosk/documents").statusCode()).as("sign in first").isEqualTo(302);
		browser.get("/kiosk/card");
		browser.post("/kiosk/card", "idNumber", holder.idNumber(), "name", holder.name());
		String documents = browser.get("/kiosk/documents").body();
		assertThat(documents).contains(own.name()).contains(own.number()).doesNotContain(others.number());
		assertThat(browser.post("/kiosk/documents/" + others.id() + "/print").statusCode()).isEqualTo(404);
		assertThat(browser.post("/kiosk/documents/not-an-id/print").statusCode()).isEqualTo(404);
		assertThat(browser.post("/kiosk/documents/" + own.id() + "/print").statusCode()).isEqualTo(302);
		assertThat(browser.get("/kiosk/documents").body()).contains("已打印");
		KioskPrints.PrintJob job = prints.jobs(50).stream().filter(j -> holder.id().equals(j.accountId())).findFirst().orElseThrow();
		assertThat(job.kind()).isEqualTo("LICENCE");
		try (var pdf = Loader.loadPDF(Files.readAllBytes(Path.of(job.location())))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains(own.number());
		}
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'HALL_KIOSK' and actor = ? and detail like 'printed LICENCE%'")
			.param("account:" + holder.id()).query(Long.class).single()).isEqualTo(1);

		// the acceptance notice of an accepted case of theirs, and not of another's
		CaseId ownCase = TestCases.submittedSocialSecurityCard(applying, holder);
		CaseId othersCase = TestCases.submittedSocialSecurityCard(applying, other);
		handling.accept(ownCase, "受理测试员");
		handling.accept(othersCase, "受理测试员");
		String withNotice = browser.get("/kiosk/documents").body();
		assertThat(withNotice.split("data-testid=\"kiosk-print-case-", -1)).as("one notice: their own").hasSize(2);
		assertThat(browser.post("/kiosk/documents/cases/" + othersCase.value() + "/print").statusCode()).isEqualTo(404);
		assertThat(browser.post("/kiosk/documents/cases/" + ownCase.value() + "/print").statusCode()).isEqualTo(302);
		KioskPrints.PrintJob notice = prints.jobs(50).stream().filter(j -> "ACCEPTANCE".equals(j.kind()) && holder.id().equals(j.accountId()))
			.findFirst().orElseThrow();
		try (var pdf = Loader.loadPDF(Files.readAllBytes(Path.of(notice.location())))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("受理通知书");
		}
	}

	@Test
	void aSelfServiceItemIsFiledAtTheKioskAndItsBadgeLeadsToTheKiosks() {
		String item = "330106-GG-0001-02";
		Citizen citizen = newCitizen("石自助", 2);
		FormSession browser = enrolledKiosk("XH-ZWFW-DT");
		String list = browser.get("/kiosk/items").body();
		assertThat(list).contains("社会保障卡挂失与补领").as("needs a photo the kiosk cannot scan").doesNotContain("社会保障卡申领<");
		assertThat(browser.post("/kiosk/items/" + item + "/start").headers().firstValue("Location").orElseThrow()).endsWith("/kiosk/card");
		browser.get("/kiosk/card");
		browser.post("/kiosk/card", "idNumber", citizen.idNumber(), "name", citizen.name());
		browser.get("/kiosk/items");
		assertThat(browser.post("/kiosk/items/330106-GG-0001-01/start").statusCode()).as("not a kiosk item").isEqualTo(404);
		HttpResponse<String> started = browser.post("/kiosk/items/" + item + "/start");
		String form = started.headers().firstValue("Location").orElseThrow();
		assertThat(form).contains("/kiosk/apply/");
		String caseId = form.substring(form.lastIndexOf('/') + 1);
		String page = browser.get("/kiosk/apply/" + caseId).body();
		assertThat(page).contains("石自助").contains(IdNumber.normalise(citizen.idNumber()).substring(0, 4)).doesNotContain(citizen.idNumber())
			.contains("遗失").contains("窗口领取").as("choices that need an upload or an address are not offered").doesNotContain("value=\"损坏\"")
			.doesNotContain("免费邮寄");
		HttpResponse<String> damaged = browser.post("/kiosk/apply/" + caseId, "reason", "损坏", "delivery", "窗口领取");
		assertThat(damaged.statusCode()).isEqualTo(422);
		assertThat(damaged.body()).contains("错误：").contains("请从列出的选项中选择");
		HttpResponse<String> noDate = browser.post("/kiosk/apply/" + caseId, "reason", "遗失", "delivery", "窗口领取");
		assertThat(noDate.statusCode()).isEqualTo(422);
		assertThat(noDate.body()).contains("error-summary").contains("lostDate-error");
		String lost = LocalDate.now(Clocks.ZONE).minusDays(3).toString();
		HttpResponse<String> filed = browser.post("/kiosk/apply/" + caseId, "reason", "遗失", "lostDate", lost, "delivery", "窗口领取");
		assertThat(filed.headers().firstValue("Location").orElseThrow()).endsWith("/kiosk/applied");
		String applied = browser.get("/kiosk/applied").body();
		Matcher number = Pattern.compile("data-testid=\"kiosk-case-number\">([^<]+)<").matcher(applied);
		assertThat(number.find()).isTrue();
		assertThat(jdbc.sql("select status from casework_case where id = ?").param(UUID.fromString(caseId)).query(String.class).single())
			.isEqualTo("SUBMITTED");
		assertThat(browser.get("/kiosk/apply/" + caseId).statusCode()).as("past its draft").isEqualTo(404);

		Citizen other = newCitizen("石他人", 2);
		browser.get("/kiosk/card");
		browser.post("/kiosk/card", "idNumber", other.idNumber(), "name", other.name());
		assertThat(browser.get("/kiosk/apply/" + caseId).statusCode()).as("someone else's").isEqualTo(404);

		// the guide's badge: kept for the item the kiosk files, dropped for the one it cannot; it leads to the kiosks
		assertThat(capabilities.offered(catalog.published(item).orElseThrow().guide())).contains(Capability.SELF_SERVICE);
		assertThat(capabilities.offered(catalog.published("330106-GG-0001-01").orElseThrow().guide())).doesNotContain(Capability.SELF_SERVICE);
		FormSession visitor = new FormSession(url(""));
		HttpResponse<String> kiosksPage = visitor.get("/hall/kiosks?item=" + item);
		assertThat(kiosksPage.statusCode()).isEqualTo(200);
		assertThat(kiosksPage.body()).contains("西湖区政务服务中心");
		assertThat(visitor.get("/items/" + item).body()).contains("data-capability=\"SELF_SERVICE\"");
		assertThat(providers.stream().filter(p -> p.capability() == Capability.SELF_SERVICE).findFirst().orElseThrow()
			.page(catalog.published(item).orElseThrow().guide())).contains("/hall/kiosks?item=" + item);
		assertThat(visitor.get("/hall/kiosks?item=nothing").statusCode()).isEqualTo(404);
	}

	private LicenceManagement.LicenceView issue(Citizen to) {
		var sealer = new SealManagement.Sealer(UUID.randomUUID(), "婚姻登记员", "XH-MZ", Set.of("APPROVER"), true);
		return licences.issue(new LicenceManagement.Issue(null, "330106-QR-0006-01", "XH-MZ", "330106", to.id(),
				Map.of("femaleName", to.name(), "femaleId", to.idNumber(), "maleName", "核验配偶", "maleId", TestPeople.idNumber()), to.id()), sealer)
			.orElseThrow();
	}
}
