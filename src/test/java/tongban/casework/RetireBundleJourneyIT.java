package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import tongban.exchange.Grant;
import tongban.exchange.ResourceCatalogue;
import tongban.exchange.SharingGrants;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.support.JourneyTest;

/**
 * 退休一件事 (issue #19 §3): a citizen finds it under 一件事一次办, consents once, and the combined form fills with her
 * household register and social-insurance facts, shown locked with their source; she adds the rest, submits once, and
 * 人力社保 and 医保 each find their own numbered case in their inbox, while she sees both reads of her data.
 */
class RetireBundleJourneyIT extends JourneyTest {

	@Autowired
	ResourceCatalogue registers;

	@Autowired
	SharingGrants grants;

	@Autowired
	RuntimeService runtime;

	@Test
	void retirementAppliedForOnceReachesBothDepartments() {
		Citizen c = newCitizen("赵退休", 2);
		String id = c.idNumber();
		registers.putRecord("XH-GA-RK", id, Map.of("name", c.name(), "idNumber", id, "gender", (id.charAt(16) - '0') % 2 == 1 ? "男" : "女",
				"birthDate", id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14), "ethnicity", "汉族",
				"householdAddress", "浙江省杭州市西湖区天目山路 18 号"));
		registers.putRecord("XH-RLSB-SB", id, Map.of("name", c.name(), "insuranceType", "职工基本养老保险", "status", "正常参保", "since",
				"1995-09-01", "employer", "杭州西湖示范餐饮有限公司"));
		granted("XH-RLSB", "XH-GA-RK", "XH-GA", List.of("name", "idNumber", "gender", "birthDate", "householdAddress"));
		granted("XH-YB", "XH-RLSB-SB", "XH-RLSB", List.of("name", "employer", "since", "status"));

		login().open().signIn(id, PASSWORD);
		page.navigate(base() + "/");
		page.getByTestId("bundles-link").click();
		page.getByTestId("bundles").getByText("退休一件事").click();
		assertThat(page.getByTestId("bundle-items").innerText()).contains("职工正常退休（职）申请").contains("职工基本医疗保险退休人员待遇核定");
		accessible();
		page.getByTestId("start-bundle").click();

		// one consent: 人力社保 reads the household register, 医保 the social-insurance register
		assertThat(page.getByTestId("prefill-offer").innerText()).contains("户籍地址").contains("参保单位").contains("职工基本医疗保险退休人员待遇核定");
		accessible();
		page.getByTestId("accept-prefill").click();
		assertThat(page.getByTestId("banner").innerText()).contains("已填入");
		assertThat(page.locator("#v-householdAddress").inputValue()).isEqualTo("浙江省杭州市西湖区天目山路 18 号");
		assertThat(page.locator("#v-employer").inputValue()).isEqualTo("杭州西湖示范餐饮有限公司");
		assertThat(page.locator("#v-insuredSince").inputValue()).isEqualTo("1995-09-01");
		assertThat(page.locator("#v-employer").getAttribute("readonly")).isNotNull();
		assertThat(page.getByTestId("verified-employer").innerText()).contains("社会保险参保信息");
		assertThat(page.locator("[name='v.employer']").count()).as("asked once for both items").isEqualTo(1);
		assertThat(page.getByTestId("prefill-offer").count()).as("nothing more to offer once taken").isZero();

		page.locator("#v-retireType").selectOption("到达法定退休年龄");
		page.locator("#v-retireDate").fill(LocalDate.now(Clocks.ZONE).plusMonths(2).withDayOfMonth(1).toString());
		page.locator("#v-bank").selectOption("杭州银行");
		page.locator("#v-medicalYears").fill("30");
		var png = new FilePayload("材料.png", "image/png", ApplyOnlineJourneyIT.PNG);
		var inputs = page.locator("input[type=file][name^='m.']");
		for (int i = 0; i < inputs.count(); i++) {
			inputs.nth(i).setInputFiles(png);
		}
		page.getByTestId("continue").click();
		assertThat(page.getByTestId("answers").innerText()).contains("杭州西湖示范餐饮有限公司").contains("天目山路 18 号").contains("杭州银行");
		accessible();
		page.getByTestId("submit-bundle").click();
		assertThat(page.getByTestId("confirmation").innerText()).contains("已一次提交 2 个事项");
		assertThat(page.getByTestId("bundle-cases").locator("tbody tr").allInnerTexts()).hasSize(2)
			.allMatch(row -> row.contains("已提交") && row.matches("(?s).*\\d{20}.*"));
		accessible();

		UUID bundle = UUID.fromString(page.url().replaceAll(".*/bundle-cases/([0-9a-f-]+).*", "$1"));
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("select id from casework_case where bundle_id = ?").param(bundle)
			.query(UUID.class).list().stream()
			.allMatch(k -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(k.toString()).count() == 1));
		// each department finds its own case, and only its own, in its inbox
		for (String department : List.of("XH-RLSB", "XH-YB")) {
			String mine = jdbc.sql("select case_number from casework_case where bundle_id = ? and department_code = ?").params(bundle, department)
				.query(String.class).single();
			String other = jdbc.sql("select case_number from casework_case where bundle_id = ? and department_code <> ?").params(bundle, department)
				.query(String.class).single();
			Page office = staffPage(newStaff(department, Role.APPROVER, "退休经办"));
			office.navigate(base() + "/workbench/tasks");
			assertThat(office.locator("main").innerText()).contains(mine).doesNotContain(other);
			office.context().close();
		}

		// both reads of her data, by the department that read it, are on 谁查询了我的数据
		page.navigate(base() + "/account/data-access");
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
			page.reload();
			String reads = page.getByTestId("reads").count() == 0 ? "" : page.getByTestId("reads").innerText();
			return reads.contains("人力资源和社会保障局") && reads.contains("医疗保障");
		});
		accessible();
	}

	private void granted(String consumer, String resource, String provider, List<String> fields) {
		var grant = (Grant) grants.requestGrant(consumer, resource, fields, "测试：退休一件事预填", "测试依据", LocalDate.now(Clocks.ZONE).plusDays(30), "测试");
		if (grant.status().equals("REQUESTED")) {
			grants.decide(grant.id(), provider, true, null, "测试");
		}
	}
}
