package tongban.support.pages;

import com.microsoft.playwright.Page;

/** /login and the staff's /login/totp. */
public record LoginPage(Page page, String base) {

	public LoginPage open() {
		page.navigate(base + "/login");
		return this;
	}

	public LoginPage signIn(String username, String password) {
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.getByTestId("sign-in").click();
		page.waitForLoadState();
		return this;
	}

	public LoginPage totp(String code) {
		page.locator("#code").fill(code);
		page.getByTestId("verify-totp").click();
		page.waitForLoadState();
		return this;
	}

	public String errorSummary() {
		return page.getByTestId("error-summary").innerText();
	}
}
