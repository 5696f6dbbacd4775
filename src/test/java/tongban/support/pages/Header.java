package tongban.support.pages;

import com.microsoft.playwright.Page;

/** The site header on every page: elder mode, language, account menu, sign-out. */
public record Header(Page page) {

	public void toggleElderMode() {
		page.getByTestId("elder-toggle").click();
		page.waitForLoadState();
	}

	public boolean elderMode() {
		return page.locator("body").getAttribute("class") != null && page.locator("body").getAttribute("class").contains("elder");
	}

	public void signOut() {
		page.getByTestId("sign-out").click();
		page.waitForLoadState();
	}

	public String accountText() {
		return page.getByTestId("account-link").innerText();
	}

	public boolean signedIn() {
		return page.getByTestId("sign-out").count() > 0;
	}
}
