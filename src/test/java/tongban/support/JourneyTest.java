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

	/** Fails on serious or critical WCAG 2.1 A/AA violations on the current page. */
	protected void accessible() {
		Accessibility.check(page);
	}
}
