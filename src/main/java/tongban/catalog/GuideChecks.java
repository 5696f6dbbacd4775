package tongban.catalog;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import tongban.shared.Links;

/**
 * What the channel checks (insight's 网站普查) need of each published guide: its department, when it was last reviewed,
 * whether it claims online handling (depth Ⅲ or more, handled online) and has an online form, and the links in it.
 */
@Service
public class GuideChecks {

	/** A published guide as the checks see it. */
	public record CheckedGuide(String code, String name, String departmentCode, Instant reviewedAt, boolean claimsOnline, boolean hasForm,
			List<String> links) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	GuideChecks(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Every published guide, by code. */
	@Transactional(readOnly = true)
	public List<CheckedGuide> published() {
		return jdbc.sql("""
				select i.code, v.name, v.department_code, i.reviewed_at, v.guide::text as guide
				from catalog_item i join catalog_item_version v on v.item_id = i.id and v.status = 'PUBLISHED' order by i.code""")
			.query((rs, n) -> {
				String text = rs.getString("guide");
				ServiceGuide guide = json.readValue(text, ServiceGuide.class);
				return new CheckedGuide(rs.getString("code"), rs.getString("name"), rs.getString("department_code"),
						rs.getTimestamp("reviewed_at").toInstant(), guide.appliesOnline(), !guide.form().isEmpty(), Links.in(text));
			})
			.list();
	}
}
