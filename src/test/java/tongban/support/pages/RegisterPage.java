package tongban.support.pages;

import com.microsoft.playwright.Page;

/** /register and /register/verify. */
public record RegisterPage(Page page, String base) {

	public RegisterPage open() {
		page.navigate(base + "/register");
		return this;
	}

	public RegisterPage fill(String name, String idNumber, String mobile, String password, String confirm) {
		page.locator("#name").fill(name);
		page.locator("#idNumber").fill(idNumber);
		page.locator("#mobile").fill(mobile);
		page.locator("#password").fill(password);
		page.locator("#passwordConfirm").fill(confirm);
		page.locator("#consent").check();
		page.getByTestId("register-submit").click();
		page.waitForLoadState();
		return this;
	}

	public String errorSummary() {
		return page.getByTestId("error-summary").innerText();
	}

	public String inlineError(String field) {
		return page.locator("#" + field + "-error").innerText();
	}

	public void enterCode(String code) {
		page.locator("#code").fill(code);
		page.getByTestId("verify-submit").click();
		page.waitForLoadState();
	}
}
