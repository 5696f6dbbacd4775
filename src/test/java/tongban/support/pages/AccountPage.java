package tongban.support.pages;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

/** 个人中心 (/account). */
public record AccountPage(Page page, String base) {

	public AccountPage open() {
		page.navigate(base + "/account");
		return this;
	}

	public String assurance() {
		return page.getByTestId("assurance").innerText();
	}

	public String maskedId() {
		return page.getByTestId("masked-id").innerText();
	}

	public String actingFor() {
		return page.getByTestId("acting-for").innerText();
	}

	public void actFor(String partyName) {
		page.locator("#partyId").selectOption(new SelectOption().setLabel(partyName));
		page.getByTestId("switch-party").click();
		page.waitForLoadState();
	}

	public String activity() {
		return page.getByTestId("activity").innerText();
	}

	public String banner() {
		return page.getByTestId("banner").innerText();
	}
}
