package tongban.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.casework.CaseStatus;
import tongban.approval.ApprovalManagement;
import tongban.casework.CaseId;
import tongban.casework.Applying;
import tongban.casework.Cases;
import tongban.directory.DirectoryManagement;
import tongban.identity.Representation;
import tongban.identity.Role;
import tongban.shared.DomainException;
import tongban.identity.StaffMember;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;
import tongban.seal.SealManagement;
import tongban.seal.SealRegistry;
import tongban.shared.Clocks;
import tongban.support.Ofdrw;
import tongban.support.Poppler;
import tongban.support.SignedBytes;
import tongban.support.TestCases;
import tongban.support.pages.AccountPage;

/**
 * 出证办结: a 食品经营许可 case approved by a market-regulation approver (signed in with TOTP) puts a sealed
 * 食品经营许可证 into the applicant's wallet; pdfsig finds its PAdES seal valid and a tampered copy invalid; the QR
 * target page says valid; the department revokes it (a reason is required) and the page says revoked at once; an
 * uploaded copy verifies its seal and reports the revocation. Without TOTP the approval is refused, nothing changes,
 * and the refusal is recorded. Malformed and unknown identifiers are refused before and after lookup.
 */
class LicenceJourneyIT extends JourneyTest {

	@Autowired
	Representation companies;

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	ApprovalManagement approval;

	@Autowired
	LicenceManagement licences;

	@Autowired
	HeldLicences held;

	@Autowired
	SealManagement seals;

	@Autowired
	SealRegistry sealRegistry;

	@Autowired
	DirectoryManagement directory;


	private Staff approver(String department) {
		var dep = directory.departmentByCode(department).orElseThrow();
		return newStaff(dep.code(), Role.APPROVER, "证照审批员");
	}

	private static StaffMember staff(Staff a, String department) {
		return new StaffMember(a.id(), a.displayName(), department, null, Set.of(Role.APPROVER));
	}

	/** Accept, both parallel reviews, and the decision to grant, as the market approver. */
	private void approve(CaseId id, StaffMember market, StaffMember health) {
		complete(market, id, "accept", "");
		complete(health, id, "", "从业人员健康证明齐全");
		complete(market, id, "", "场所布局合理");
		complete(market, id, "approve", "符合条件，准予许可");
	}

	private void complete(StaffMember s, CaseId id, String decision, String opinion) {
		var task = approval.inbox(s).stream().filter(t -> t.caseId().equals(id)).findFirst().orElseThrow();
		approval.complete(s, task.taskId(), ApprovalManagement.Decision.of(decision, opinion, Map.of()));
	}

	@Test
	void approvedFoodLicenceIsSealedHeldVerifiedAndRevoked() throws Exception {
		Citizen owner = newCitizen("证照店主", 2);
		var filed = TestCases.submittedFoodLicence(applying, companies, owner, "91330106MA2H3L5Y4T", "西湖证照餐饮店");
		CaseId id = filed.caseId();
		Staff marketApprover = approver("XH-SCJG");
		var market = staff(marketApprover, "XH-SCJG");
		var health = new StaffMember(UUID.randomUUID(), "卫健审批员", "XH-WJ", null, Set.of(Role.APPROVER));

		// without a TOTP-confirmed session the grant cannot be sealed: refused, recorded, nothing changed
		complete(market, id, "accept", "");
		complete(health, id, "", "从业人员健康证明齐全");
		complete(market, id, "", "场所布局合理");
		var decide = approval.inbox(market).stream().filter(t -> t.caseId().equals(id)).findFirst().orElseThrow();
		assertThat(catchThrowableOfType(DomainException.class,
				() -> approval.complete(market, decide.taskId(), ApprovalManagement.Decision.of("approve", "准予", Map.of()))).code())
			.isEqualTo("seal-totp");
		assertThat(cases.forStaff(id).orElseThrow().status()).isEqualTo(CaseStatus.IN_REVIEW);
		assertThat(held.wallet(filed.companyId())).isEmpty();

		complete(people.signedIn(marketApprover), id, "approve", "符合条件，准予许可");
		assertThat(cases.forStaff(id).orElseThrow().status()).isEqualTo(CaseStatus.APPROVED);
		// sealed and stored after the approval commits
		await().atMost(Duration.ofSeconds(30)).until(() -> !held.wallet(filed.companyId()).isEmpty());
		LicenceManagement.LicenceView l = held.wallet(filed.companyId()).getFirst();
		assertThat(l.name()).isEqualTo("食品经营许可证");
		assertThat(l.holderName()).isEqualTo("西湖证照餐饮店");
		assertThat(l.holderCode()).isEqualTo("91330106MA2H3L5Y4T");
		assertThat(LicenceIdentifier.problem(l.identifier())).isNull();
		assertThat(l.validTo()).isEqualTo(l.issuedOn().plusYears(5).minusDays(1));
		var sealUses = sealRegistry.uses(sealRegistry.activeSeal("XH-SCJG", List.of("行政许可专用章")).orElseThrow().id(), 50);
		assertThat(sealUses).anyMatch(u -> u.outcome().equals("REFUSED") && "seal-totp".equals(u.reason()));
		assertThat(sealUses).anyMatch(u -> u.outcome().equals("SEALED") && u.documentRef().equals(l.identifier()) && u.actorName().equals("证照审批员"));

		assertThat(jdbc.sql("select count(*) from notification_message where account_id = ? and event = 'LICENCE_ISSUED'").param(owner.id())
			.query(Long.class).single()).as("told the licence is in the wallet").isEqualTo(1);

		// the holder's wallet, in the browser
		login().open().signIn(owner.idNumber(), PASSWORD);
		new AccountPage(page, base()).open().actFor("西湖证照餐饮店");
		page.getByTestId("wallet-link").click();
		assertThat(page.getByTestId("wallet").innerText()).contains("食品经营许可证").contains(l.number()).contains("有效");
		accessible();
		byte[] pdf = page.request().get(base() + "/account/licences/" + l.id() + "/pdf").body();
		assertThat(Poppler.signatures(pdf)).contains("Signature Validation: Signature is Valid.").contains("行政许可专用章");
		assertThat(Poppler.signedRevision(pdf)).contains("Signature is Valid.").contains("- Total document signed");
		assertThat(Poppler.text(pdf)).contains("食品经营许可证").contains("西湖证照餐饮店").contains(l.number()).contains("扫码核验");
		assertThat(Poppler.fonts(pdf)).contains("LXGW").contains("yes");
		byte[] ofd = page.request().get(base() + "/account/licences/" + l.id() + "/ofd").body();
		assertThat(Ofdrw.verify(ofd)).as("ofdrw's validator on the issued OFD").isEqualTo("VALID");
		// the licence number in the XMP title (a metadata stream is never compressed), one digit changed
		String number = l.number();
		char lastDigit = number.charAt(number.length() - 1);
		String forged = number.substring(0, number.length() - 1) + (Character.isDigit(lastDigit) ? (char) ('0' + (lastDigit - '0' + 1) % 10) : 'X');
		byte[] tampered = SignedBytes.replaceSigned(pdf, number + "</rdf:li>", forged + "</rdf:li>");
		assertThat(Poppler.signatures(tampered)).doesNotContain("Signature is Valid.");

		page.navigate(base() + "/account/licences/" + l.id());
		assertThat(page.getByTestId("licence-qr").innerHTML()).contains("<svg");
		page.getByTestId("verify-link").click();
		assertThat(page.getByTestId("verify-state").innerText()).isEqualTo("这张食品经营许可证有效");
		assertThat(page.getByTestId("verify-holder").innerText()).contains("西湖证照餐饮店");
		accessible();

		// a share link that expires: it opens the verification page for anyone, an unknown one is gone
		page.navigate(base() + "/account/licences/" + l.id());
		page.getByTestId("share").click();
		String shareLink = page.getByTestId("share-link").locator("a").getAttribute("href");
		assertThat(page.getByTestId("share-link").innerText()).contains("24 小时内有效");

		// 30 days before expiry the applicant is reminded, once
		LocalDate today = LocalDate.now(Clocks.ZONE);
		jdbc.sql("update licence_licence set valid_to = ? where id = ?").params(today.plusDays(20), l.id()).update();
		licences.remindExpiring(today);
		licences.remindExpiring(today);
		assertThat(jdbc.sql("select count(*) from notification_message where account_id = ? and event = 'LICENCE_EXPIRING'").param(owner.id())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(licences.remindExpiring(today.plusDays(1))).as("nothing left to remind of").isZero();

		// another citizen cannot reach the licence
		Citizen other = newCitizen("旁人", 2);
		Page stranger = citizenPage(other);
		assertThat(stranger.navigate(base() + "/account/licences/" + l.id()).status()).isEqualTo(404);
		assertThat(stranger.navigate(base() + "/account/licences/" + l.id() + "/pdf").status()).isEqualTo(404);
		// public verification needs no sign-in: a wrong check character is refused before lookup, an unknown one is 404
		char last = l.identifier().charAt(l.identifier().length() - 1);
		String wrongCheck = l.identifier().substring(0, l.identifier().length() - 1) + (last == 'A' ? 'B' : 'A');
		assertThat(stranger.navigate(base() + "/verify/" + wrongCheck).status()).isEqualTo(400);
		assertThat(stranger.getByTestId("error-summary").innerText()).contains("校验位不正确");
		String unknown = LicenceIdentifier.of("11100000MB0000001T001", "11330106MB10079196", "209900000001", "001");
		assertThat(stranger.navigate(base() + "/verify/" + unknown).status()).isEqualTo(404);
		assertThat(stranger.navigate(base() + shareLink).status()).isEqualTo(200);
		assertThat(stranger.getByTestId("shared-note").innerText()).contains("持证人分享");
		assertThat(stranger.getByTestId("verify-state").innerText()).isEqualTo("这张食品经营许可证有效");
		jdbc.sql("update licence_share set expires_at = now() - interval '1 minute' where licence_id = ?").param(l.id()).update();
		assertThat(stranger.navigate(base() + shareLink).status()).as("expired").isEqualTo(410);
		assertThat(stranger.getByTestId("error-summary").innerText()).contains("已过期");
		stranger.context().close();

		// the department revokes it: a reason is required, then the public page says revoked at once
		Page office = staffPage(marketApprover);
		office.navigate(base() + "/workbench/licences");
		office.getByTestId("revoke-" + l.number()).click();
		assertThat(office.getByTestId("error-summary").innerText()).contains("请填写撤销或注销的原因");
		assertThat(licences.byIdentifier(l.identifier()).orElseThrow().status()).isEqualTo(LicenceManagement.Status.VALID);
		office.locator("#reason-" + l.number()).fill("以欺骗手段取得许可");
		office.getByTestId("revoke-" + l.number()).click();
		assertThat(office.getByTestId("banner").innerText()).contains("证照已撤销");
		office.context().close();

		page.navigate(base() + "/verify/" + l.identifier());
		assertThat(page.getByTestId("verify-state").innerText()).contains("已于").contains("撤销").contains("以欺骗手段取得许可");

		// an uploaded copy: the seal still verifies, the registry says revoked; a tampered copy fails its seal
		page.navigate(base() + "/verify");
		page.locator("#file").setInputFiles(new FilePayload("证照.pdf", "application/pdf", pdf));
		page.getByTestId("verify-file").click();
		assertThat(page.getByTestId("file-seal").innerText()).contains("电子印章有效");
		assertThat(page.getByTestId("file-registry").innerText()).contains(l.number()).contains("已撤销");
		page.locator("#file").setInputFiles(new FilePayload("证照.pdf", "application/pdf", tampered));
		page.getByTestId("verify-file").click();
		assertThat(page.getByTestId("file-seal").innerText()).contains("电子印章无效");
		page.locator("#file").setInputFiles(new FilePayload("证照.ofd", "application/ofd", ofd));
		page.getByTestId("verify-file").click();
		assertThat(page.getByTestId("file-seal").innerText()).contains("电子印章有效，签章人：杭州市西湖区市场监督管理局行政许可专用章")
			.as("the seal's name, not a distinguished name").doesNotContain("CN=");
		assertThat(page.getByTestId("file-registry").innerText()).contains(l.number()).contains("已撤销");
		page.locator("#file").setInputFiles(new FilePayload("证照.pdf", "application/pdf", "not a pdf".getBytes()));
		page.getByTestId("verify-file").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("只能核验 PDF 或 OFD");
		accessible();
	}
}
