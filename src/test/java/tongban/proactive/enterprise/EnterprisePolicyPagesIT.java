package tongban.proactive.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tongban.identity.Role;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;

/**
 * The department admin's pages: a condition on a field the register lacks comes back with the form kept, an error
 * summary and the field named at its row; a sound policy is saved, listed with its match count, and opens for a change;
 * another department's policy is not found, and an approver may not use the pages at all.
 */
class EnterprisePolicyPagesIT extends IntegrationTest {

	String[] fields(String title, String field) {
		return new String[] { "title", title, "summary", "测试简介", "benefit", "测试内容", "validFrom", "2024-01-01", "validUntil", "", "itemCode", "",
				"documentNumber", "测试〔2026〕2号", "documentUrl", "", "field", field, "operator", "STARTS_WITH", "value", "Z-NOBODY", "field", "",
				"operator", "EQUALS", "value", "" };
	}

	@Test
	void aDepartmentAdminKeepsPoliciesAndSeesWhatIsWrongAtTheField() {
		var admin = newStaff("XH-SCJG", Role.DEPT_ADMIN, "惠企页面管理员");
		FormSession browser = FormSession.staff(url(""), admin);
		assertThat(browser.get("/workbench").body()).contains("href=\"/workbench/enterprise-policies\"");
		assertThat(browser.get("/workbench/enterprise-policies").statusCode()).isEqualTo(200);
		assertThat(browser.get("/workbench/enterprise-policies/new").body()).contains("匹配条件");

		HttpResponse<String> refused = browser.post("/workbench/enterprise-policies", fields("页面测试政策", "turnover"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("错误：", "error-summary", "资源“市场主体登记信息”中没有字段：turnover", "href=\"#condition0\"")
			.contains("value=\"页面测试政策\"");

		browser.get("/workbench/enterprise-policies/new");
		HttpResponse<String> saved = browser.post("/workbench/enterprise-policies", fields("页面测试政策", "regionCode"));
		assertThat(saved.statusCode()).isEqualTo(302);
		String list = browser.get("/workbench/enterprise-policies").body();
		assertThat(list).contains("页面测试政策", "测试〔2026〕2号", "matched-count");
		String code = jdbc.sql("select code from proactive_enterprise_policy where title = '页面测试政策' and department_code = 'XH-SCJG'")
			.query(String.class)
			.single();
		assertThat(browser.get("/workbench/enterprise-policies/" + code).body()).contains("value=\"Z-NOBODY\"", "政策编号 " + code);

		FormSession other = FormSession.staff(url(""), newStaff("XH-SW", Role.DEPT_ADMIN, "税务页面管理员"));
		assertThat(other.get("/workbench/enterprise-policies/" + code).statusCode()).isEqualTo(404);
		FormSession approver = FormSession.staff(url(""), newStaff("XH-SCJG", Role.APPROVER, "惠企页面审批员"));
		assertThat(approver.get("/workbench/enterprise-policies").statusCode()).isEqualTo(403);
	}
}
