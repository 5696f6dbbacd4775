package tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import tongban.shared.Uscc;
import tongban.support.JourneyTest;
import tongban.support.pages.AccountPage;

/** A legal representative binds a company and authorises an agent, who then acts for it; citizen proxies. */
class AgentJourneyIT extends JourneyTest {

	private static String newUscc() {
		String body = "91330106MA" + String.format("%07d", Math.floorMod(System.nanoTime(), 10_000_000));
		return body + Uscc.checkCharacter(body);
	}

	@Test
	void businessAgentSwitchesToActForTheCompany() {
		var rep = newCitizen("陈老板", 2);
		var agent = newCitizen("李经办", 2);
		String uscc = newUscc();
		String company = "杭州测试餐饮有限公司" + System.nanoTime() % 10000;

		login().open().signIn(rep.idNumber(), PASSWORD);
		page.navigate(base() + "/business/new");
		page.locator("#name").fill(company);
		page.locator("#uscc").fill(uscc.substring(0, 17) + (uscc.charAt(17) == '1' ? '2' : '1'));
		page.locator("main form button[type=submit]").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("统一社会信用代码校验位不正确");
		accessible();
		page.locator("#uscc").fill(uscc);
		page.locator("main form button[type=submit]").click();
		assertThat(page.getByTestId("banner").innerText()).contains("企业已绑定");

		page.locator("#name").fill(agent.name());
		page.locator("#idNumber").fill(agent.idNumber());
		page.locator("#validUntil").fill(LocalDate.now().plusMonths(6).toString());
		page.locator("main form button[type=submit]").last().click();
		assertThat(page.getByTestId("agents").innerText()).contains(agent.name()).contains("全部事项");
		accessible();
		header().signOut();

		login().open().signIn(agent.mobile(), PASSWORD);
		AccountPage account = new AccountPage(page, base()).open();
		assertThat(account.actingFor()).contains(agent.name());
		account.actFor(company);
		assertThat(account.actingFor()).contains(company);
		assertThat(header().accountText()).contains("代表 " + company);
		assertThat(account.activity()).contains("切换办事身份").contains(company).contains(agent.name());
		accessible();
		assertThat(jdbc.sql("select count(*) from identity_activity where actor_account_id = ? and party_name = ?")
			.params(agent.id(), company).query(Long.class).single()).as("person and party both recorded").isEqualTo(1);

		page.navigate(base() + "/business/" + jdbc.sql("select id from identity_legal_person where uscc = ?").param(uscc)
			.query(String.class).single());
		assertThat(page.title()).as("an agent is not the legal representative").contains("页面不存在");
	}

	@Test
	void aCitizenAuthorisesAProxyAndBothSeeIt() {
		var parent = newCitizen("王奶奶", 2);
		var child = newCitizen("王小二", 2);
		login().open().signIn(parent.idNumber(), PASSWORD);
		page.navigate(base() + "/account/proxies");
		accessible();
		page.locator("#name").fill("别人");
		page.locator("#idNumber").fill(child.idNumber());
		page.locator("#validUntil").fill("2020-01-01");
		page.getByTestId("grant-proxy").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("有效期须在今天到 5 年之内");
		page.locator("#validUntil").fill(LocalDate.now().plusYears(1).toString());
		page.getByTestId("grant-proxy").click();
		assertThat(page.getByTestId("error-summary").innerText()).contains("没有找到姓名与身份证号码相符的已注册用户");
		page.locator("#name").fill(child.name());
		page.locator("#scope").fill("社会保障卡申领");
		page.getByTestId("grant-proxy").click();
		assertThat(page.getByTestId("proxies-given").innerText()).contains(child.name()).contains("社会保障卡申领").contains("有效");
		header().signOut();

		login().open().signIn(child.idNumber(), PASSWORD);
		page.navigate(base() + "/account/proxies");
		assertThat(page.getByTestId("proxies-received").innerText()).contains(parent.name()).contains("有效");
		header().signOut();

		login().open().signIn(parent.idNumber(), PASSWORD);
		page.navigate(base() + "/account/proxies");
		page.locator("[data-testid=proxies-given] button").first().click();
		assertThat(page.getByTestId("proxies-given").innerText()).contains("已撤销");
		header().signOut();
		login().open().signIn(child.idNumber(), PASSWORD);
		page.navigate(base() + "/account/proxies");
		assertThat(page.getByTestId("proxies-received").innerText()).as("the proxy sees the revocation").contains("已撤销");
	}
}
