package tongban.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * Injects axe-core (from src/test/node, installed by bin/test) into a page and fails on serious or critical
 * violations of WCAG 2.1 A/AA.
 */
public final class Accessibility {

	private static String axe;

	private Accessibility() {
	}

	@SuppressWarnings("unchecked")
	public static void check(Page page) {
		page.evaluate(script());
		Object result = page.evaluate("async () => { const r = await axe.run(document, {runOnly: {type: 'tag', values: "
				+ "['wcag2a','wcag2aa','wcag21a','wcag21aa']}}); return r.violations.filter(v => v.impact === 'serious' "
				+ "|| v.impact === 'critical').map(v => ({id: v.id, impact: v.impact, help: v.help, "
				+ "nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})); }");
		List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
		if (!violations.isEmpty()) {
			throw new AssertionError("accessibility violations on " + page.url() + ": " + violations);
		}
	}

	private static synchronized String script() {
		if (axe == null) {
			Path file = Path.of("src/test/node/node_modules/axe-core/axe.min.js");
			try {
				axe = Files.readString(file);
			}
			catch (IOException e) {
				throw new UncheckedIOException("axe-core missing; run bin/test, which installs it", e);
			}
		}
		return axe;
	}
}
