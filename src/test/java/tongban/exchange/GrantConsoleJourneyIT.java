package tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import tongban.directory.DirectoryManagement;
import tongban.identity.Role;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * Department admins in Chromium: 卫健 registers a resource of its own (a malformed field list refused), asks 公安 for
 * the population register (an incomplete request refused field by field; a 不予共享 resource cannot be asked for), 公安
 * approves, and later revokes with a reason (none refused); 卫健 sees each state. Staff who are not admins cannot open
 * the grants page.
 */
class GrantConsoleJourneyIT extends JourneyTest {

	@Autowired
	DirectoryManagement directory;

	@Autowired
	SharingGrants grants;

	Staff admin(String department, Role role) {
		var dep = directory.departmentByCode(department).orElseThrow();
		return newStaff(dep.code(), role, "管理员" + department.substring(3));
	}

	@Test
	void askApproveAndRevokeAGrantAndRegisterAResource() {
		Staff wj = admin("XH-WJ", Role.DEPT_ADMIN);
		page.close();
		page = staffPage(wj);
		page.navigate(base() + "/workbench");
		page.getByTestId("grants-link").click();

		page.locator("#choose").selectOption("XH-GA-RK");
		page.getByTestId("choose-resource").click();
		page.getByTestId("request-grant").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("请选择该资源的字段").contains("请填写用途").contains("请填写依据")
			.contains("有效期须在今天之后");
		accessible();
		page.locator("#f-name").check();
		page.locator("#f-birthDate").check();
		page.locator("#purpose").fill("出生医学证明签发核验母亲身份");
		page.locator("#legalBasis").fill("《中华人民共和国母婴保健法》第二十三条");
		page.locator("#validUntil").fill(LocalDate.now().plusMonths(6).toString());
		page.getByTestId("request-grant").click();
		assertThat(page.getByTestId("banner").innerText()).contains("等待提供部门审核");
		assertThat(page.getByTestId("grants-held").innerText()).contains("人口基础信息（户籍）").contains("姓名、出生日期").contains("待审核");
		var grant = grants.grantsHeldBy("XH-WJ").stream().filter(g -> g.purpose().equals("出生医学证明签发核验母亲身份")).findFirst().orElseThrow();

		page.locator("#choose").selectOption("XH-SCJG-ZT");
		page.getByTestId("choose-resource").click();
		page.locator("#f-name").check();
		page.locator("#purpose").fill("核验");
		page.locator("#legalBasis").fill("依据");
		page.locator("#validUntil").fill(LocalDate.now().plusMonths(1).toString());
		page.getByTestId("request-grant").click();
		assertThat(page.getByTestId("banner").innerText()).contains("无条件共享资源，授权已生效");
		assertThat(page.locator("#choose option[value='XH-GA-FZ']").innerText()).contains("不予共享");

		Staff ga = admin("XH-GA", Role.DEPT_ADMIN);
		Page gaPage = staffPage(ga);
		gaPage.navigate(base() + "/workbench/exchange/grants");
		assertThat(gaPage.getByTestId("grants-given").innerText()).contains("杭州市西湖区卫生健康局").contains("出生医学证明签发核验母亲身份");
		gaPage.getByTestId("approve-" + grant.id()).click();
		assertThat(gaPage.getByTestId("banner").innerText()).contains("授权生效");
		page.reload();
		assertThat(page.getByTestId("grants-held").innerText()).contains("有效，至");
		gaPage.getByTestId("revoke-" + grant.id()).click();
		assertThat(gaPage.getByTestId("error-summary").innerText()).contains("请填写原因");
		gaPage.locator("#reason-" + grant.id()).fill("事项调整，改由出生一件事统一核验");
		gaPage.getByTestId("revoke-" + grant.id()).click();
		assertThat(gaPage.getByTestId("banner").innerText()).contains("授权已撤销");
		page.reload();
		assertThat(page.getByTestId("grants-held").innerText()).contains("已撤销：事项调整，改由出生一件事统一核验");
		gaPage.context().close();

		page.navigate(base() + "/workbench/exchange/resources");
		page.locator("#code").fill("XH-WJ-CS" + System.nanoTime() % 1000);
		page.locator("#name").fill("出生医学证明信息");
		page.locator("#updateFrequency").fill("实时");
		page.locator("#legalBasis").fill("《中华人民共和国母婴保健法》");
		page.locator("#providingSystem").fill("妇幼保健信息系统");
		page.locator("#fields").fill("babyName|新生儿姓名|string\nbirthDate|出生日期|date|PERSONAL");
		page.getByTestId("save-resource").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("字段格式不对");
		page.locator("#fields").fill("babyName|新生儿姓名|string|PERSONAL\nbirthDate|出生日期|date|PERSONAL");
		page.getByTestId("save-resource").click();
		assertThat(page.getByTestId("banner").innerText()).contains("资源已登记");
		assertThat(page.locator("body").innerText()).contains("出生医学证明信息").contains("妇幼保健信息系统").contains("新生儿姓名");
		accessible();

		Staff clerk = admin("XH-ZWFW", Role.COUNTER_CLERK);
		Page clerkPage = staffPage(clerk);
		assertThat(clerkPage.navigate(base() + "/workbench/exchange/grants").status()).isEqualTo(403);
		clerkPage.context().close();
	}
}
