package tongban.insight.trends.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The options of a trends chart as the page's script reads them (data-chart): the categories of the x axis and named
 * series of numbers, drawn by static/js/insight-trends.js. The page's table carries the same numbers.
 */
final class Charts {

	private Charts() {
	}

	record Line(String name, String type, List<? extends Number> data) {
	}

	/** A series name in the reader's language. */
	static String text(MessageSource messages, String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	static Map<String, Object> chart(List<String> categories, List<Line> lines) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("categories", categories);
		chart.put("series", lines.stream().map(line -> {
			Map<String, Object> series = new LinkedHashMap<>();
			series.put("name", line.name());
			series.put("type", line.type());
			series.put("data", line.data());
			return series;
		}).toList());
		return chart;
	}
}
