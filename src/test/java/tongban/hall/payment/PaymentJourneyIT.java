package tongban.hall.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import tongban.casework.ApplyOnlineJourneyIT;
import tongban.casework.Applying;
import tongban.casework.CaseId;
import tongban.casework.CaseSubmitted;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.identity.Actor;
import tongban.shared.Upload;
import tongban.support.Accessibility;
import tongban.support.JourneyTest;
import tongban.support.TestCases;

/**
 * 可网上缴费 in Chromium: the applicant opens the fee from the case page, chooses 住宅, goes to the demo cashier (which
 * says it is a demo), pays, and comes back to a paid order and a case page that no longer asks for payment.
 */
class PaymentJourneyIT extends JourneyTest {

	@Autowired
	Applying applying;

	@Autowired
	Cases cases;

	@Autowired
	PaymentOrders orders;

	@Test
	void theCitizenPaysThroughTheDemoGateway() {
		Citizen me = newCitizen("网上缴费", 2);
		Actor a = TestCases.actor(me);
		CaseId id = applying.startDraft(a, PaymentOrdersIT.MORTGAGE);
		Upload png = new Upload("p.png", ApplyOnlineJourneyIT.PNG);
		applying.saveDraft(a, id, applying.draft(a, id).lockVersion(), Map.of("applicantName", me.name(), "contactName", me.name(),
				"phone", me.mobile(), "request", "办理住房抵押权首次登记"), Map.of(0, png, 1, png, 2, png, 3, png), Map.of());
		assertThat(applying.submit(a, id, applying.draft(a, id).submitToken())).isEmpty();
		CaseView v = cases.forStaff(id).orElseThrow();
		String notice = orders.open(new CaseSubmitted(id, v.caseNumber(), v.itemCode(), v.itemVersion(), v.departmentCode(),
				v.submittedAt().toInstant(), v.itemName(), v.promisedDate(), v.applicantAccountId())).orElseThrow().noticeNumber();

		Page p = citizenPage(me);
		p.navigate(base() + "/cases/" + id.value());
		assertThat(p.getByTestId("case-fee-notice").innerText()).isEqualTo(notice);
		p.getByTestId("case-fee-pay").click();
		p.getByTestId("choose-amount").click();
		assertThat(p.getByTestId("error-summary").innerText()).contains("请选择一项收费标准");
		Accessibility.check(p);
		p.getByLabel("不动产登记费（抵押权首次登记）（住宅）：80.00元").check();
		p.getByTestId("choose-amount").click();
		assertThat(p.getByTestId("payment-amount").innerText()).isEqualTo("80.00元");
		p.getByTestId("go-pay").click();
		assertThat(p.getByTestId("demo-notice").innerText()).contains("演示").contains("模拟").contains("不会真的扣款");
		Accessibility.check(p);
		p.getByTestId("confirm-payment").click();
		assertThat(p.getByTestId("paid-confirmation").innerText()).contains("缴费成功");
		assertThat(p.getByTestId("payment-status").innerText()).isEqualTo("已缴费");
		p.navigate(base() + "/cases/" + id.value());
		assertThat(p.getByTestId("case-fee-status").innerText()).isEqualTo("已缴费");
		assertThat(p.getByTestId("case-fee-pay").count()).isZero();
		p.setViewportSize(360, 740);
		p.navigate(base() + "/account/payments");
		assertThat(p.getByTestId("payments").innerText()).contains("不动产抵押权首次登记").contains("已缴费");
	}
}
