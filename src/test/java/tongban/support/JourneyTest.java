package tongban.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import tongban.support.pages.Header;
import tongban.support.pages.LoginPage;

/** A browser journey: a fresh Chromium context (no cookies) per test, checked for accessibility as it goes. */
public abstract class JourneyTest extends IntegrationTest {

	protected BrowserContext context;
	protected Page page;

	@BeforeEach
	void openBrowser() {
		context = Browser.newContext(1280, 900);
		page = context.newPage();
		page.setDefaultTimeout(15_000);
	}

	@AfterEach
	void closeBrowser() {
		context.close();
	}

	protected String base() {
		return url("");
	}

	protected Header header() {
		return new Header(page);
	}

	protected LoginPage login() {
		return new LoginPage(page, base());
	}

	/** A second browser (its own cookies) signed in as a citizen with ID number and password, on a phone-sized screen. */
	protected Page citizenPage(Citizen c) {
		Page p = Browser.newContext(390, 844).newPage();
		p.setDefaultTimeout(15_000);
		p.navigate(base() + "/login");
		p.locator("#username").fill(c.idNumber());
		p.locator("#password").fill(PASSWORD);
		p.locator("#password").press("Enter");
		return p;
	}

	/** A second browser signed in as a staff member: password, then the TOTP code. */
	protected Page staffPage(People.Staff staff) {
		Page p = Browser.newContext(1280, 900).newPage();
		p.setDefaultTimeout(15_000);
		p.navigate(base() + "/login");
		p.locator("#username").fill(staff.username());
		p.locator("#password").fill(staff.password());
		p.locator("#password").press("Enter");
		p.locator("#code").fill(staff.totpCode());
		p.locator("#code").press("Enter");
		return p;
	}

	/** Fails on serious or critical WCAG 2.1 A/AA violations on the current page. */
	protected void accessible() {
		Accessibility.check(page);
	}
}
