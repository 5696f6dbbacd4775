package tongban.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * One Debian Chromium for the whole test run (no browser can be downloaded here), a fresh context per journey.
 */
public final class Browser {

	public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TONGBAN_CHROMIUM", "/usr/bin/chromium"));

	private static Playwright playwright;
	private static com.microsoft.playwright.Browser browser;

	private Browser() {
	}

	public static synchronized BrowserContext newContext(int width, int height) {
		return newContext(width, height, true);
	}

	/** A context whose pages run no JavaScript at all (Chromium's own switch), as for a visitor who turned it off. */
	public static synchronized BrowserContext newContextWithoutJavaScript(int width, int height) {
		return newContext(width, height, false);
	}

	private static BrowserContext newContext(int width, int height, boolean javaScript) {
		if (browser == null) {
			if (!Files.isExecutable(CHROMIUM)) {
				throw new IllegalStateException("Chromium not found at " + CHROMIUM + "; run bin/test, which installs it");
			}
			playwright = Playwright.create(new Playwright.CreateOptions()
				.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
					.setHeadless(true)
					.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
							"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
		}
		return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height)
			.setLocale("zh-CN")
			.setTimezoneId("Asia/Shanghai")
			.setJavaScriptEnabled(javaScript));
	}

	/** Called once when the test run ends (see BrowserShutdown). */
	static synchronized void shutdown() {
		if (playwright != null) {
			browser.close();
			playwright.close();
			browser = null;
			playwright = null;
		}
	}

	public static Page newPage() {
		return newContext(1280, 900).newPage();
	}
}
